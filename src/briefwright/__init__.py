"""briefwright: compile curated, source-backed content into briefing products."""

__version__ = "0.1.0"
