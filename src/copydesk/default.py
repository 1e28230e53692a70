"""The default pipeline, assembled in one place so that its order can be read at a glance."""

from __future__ import annotations

from copydesk import language, reflow, repair, strip, tidy
from copydesk.classify import step as classify
from copydesk.extract import (
    attribution,
    bylines,
    captions,
    credits,
    datelines,
    headers,
    reported,
    title,
)
from copydesk.pipeline import Pipeline

__all__ = ["DEFAULT"]

#: The default pipeline: repairs on the whole text, then extraction, stripping and tidying on
#: lines, then language detection on what is left of the body.
DEFAULT = Pipeline(
    (
        repair.mojibake,
        repair.line_breaks,
        repair.lost_newlines,
        reflow.hard_wraps,
        repair.controls,
        repair.spaces,
        repair.unicode_nfc,
        headers.front_matter,
        headers.header_block,
        datelines.dateline,
        bylines.byline,
        captions.caption,
        strip.residue,
        strip.duplicates,
        attribution.attribution,
        # Footer credits after the named residue is gone, so that an ad marker or share line
        # under "• Agency" does not hide it from a step that reads the last lines.
        credits.source_credit,
        credits.categories,
        credits.contact_footer,
        strip.stray_script,
        strip.residue_blocks,
        # An outlet's dateline above the lede before the headline is looked for: it is none.
        reported.outlet_lines,
        title.first_line_title,
        # The line model last among the removals: what the rules took is its evidence.
        classify.lines,
        # The source named in the story's words, last: only when nothing above found one, and
        # on the body the rules and the model left (a line it reads stays in the body).
        reported.reported,
        # The headline again where the model removed what stood between it and the lede.
        title.late_title,
        tidy.spaces,
        tidy.glued_sentences,
        language.detect_language,
    )
)
