"""The organisation's own templates: what a reference file holds, and what briefwright makes of it."""
