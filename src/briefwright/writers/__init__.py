"""Writers: the neutral document model to files, one module per format, found through a registry."""
