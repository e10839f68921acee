"""Clean and store: raw items in, catalogue out."""
