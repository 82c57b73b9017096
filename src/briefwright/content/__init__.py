"""Content: modules, points and evidence, and the checks that claims say no more than their quotes."""
