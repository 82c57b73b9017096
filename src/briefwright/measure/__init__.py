"""Measuring: font metrics, line breaking, page and slide geometry, reading grade."""
