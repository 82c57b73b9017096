"""Bringing source files into a project: extraction, ids and registry entries."""
