"""One hierarchy for every error copydesk raises on purpose.

Each error also subclasses the matching built-in, so callers that already catch
``TypeError`` or ``ValueError`` keep working.
"""

from __future__ import annotations

__all__ = ["CopydeskError", "NotTextError", "PipelineError", "RecordError", "RulesError"]


class CopydeskError(Exception):
    """Base class of every error raised by copydesk on purpose."""


class NotTextError(CopydeskError, TypeError):
    """The input was neither ``str`` nor ``bytes``."""


class PipelineError(CopydeskError, ValueError):
    """A pipeline was composed or edited in a way that cannot work (unknown or misplaced step)."""


class RulesError(CopydeskError, ValueError):
    """A rules file or rules mapping is malformed."""


class RecordError(CopydeskError, ValueError):
    """A serialised Article (``Article.from_dict``) is malformed."""
