"""Composing: decisions (frames and picks) into the neutral document model, with the product's templates."""
