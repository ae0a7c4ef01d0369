"""Site-independent helpers for reading article pages: JSON-LD, DOM blocks, text, rules."""
