"""The single source of copydesk's version (read by hatchling at build time)."""

#: The version of copydesk, as a PEP 440 string (``0.1.0.dev0`` until 0.1.0 is released).
__version__ = "0.1.0.dev0"
