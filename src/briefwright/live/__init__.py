"""The live loop: rebuild on save and show the products on a self-reloading local page."""
