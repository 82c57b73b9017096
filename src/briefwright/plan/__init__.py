"""Planning: which points, at which level, fit a product's budget."""
