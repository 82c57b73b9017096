"""Snapshots of glyph advances (package data); see briefwright.fontmetrics."""
