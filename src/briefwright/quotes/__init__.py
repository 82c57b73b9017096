"""Finding evidence in the sources, and writing exact quotes into content."""
