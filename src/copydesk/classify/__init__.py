"""The line model: which lines of a document are body, title, meta or residue."""
