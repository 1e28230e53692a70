"""copydesk: turn raw scraped news-article text into a clean, typed Article.

>>> from copydesk import clean_article
>>> text = "Rain expected\\n\\nForecasters expect heavy rain across the region on Sunday."
>>> clean_article(text).title
'Rain expected'
"""

from __future__ import annotations

from copydesk._version import __version__
from copydesk.article import Article, Caption, Edit
from copydesk.clean import clean_article
from copydesk.default import DEFAULT
from copydesk.draft import Draft, Fields, Line
from copydesk.errors import (
    CopydeskError,
    NotTextError,
    PipelineError,
    RecordError,
    RulesError,
)
from copydesk.pipeline import Pipeline, Step, step

__all__ = [
    "DEFAULT",
    "Article",
    "Caption",
    "CopydeskError",
    "Draft",
    "Edit",
    "Fields",
    "Line",
    "NotTextError",
    "Pipeline",
    "PipelineError",
    "RecordError",
    "RulesError",
    "Step",
    "__version__",
    "clean_article",
    "step",
]
