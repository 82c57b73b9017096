"""Sources: the seed texts, their metadata, quote locating and citation forms."""
