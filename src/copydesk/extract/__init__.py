"""Steps that move lines out of the body into fields, each recorded as ``extracted``."""
