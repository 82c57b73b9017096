"""Renderers: the neutral document model to Word and PowerPoint files."""
