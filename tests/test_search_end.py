"""search_end: an end-anchored pattern searched from where its matches can start finds what a
search of the whole text finds, for every pattern the steps search that way."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk import reflow, repair, strip
from copydesk._lazy import search_end
from copydesk.extract import title

#: Each pattern searched with search_end, and the longest match the call sites give it.
ENDINGS: tuple[tuple[regex.Pattern[str], int], ...] = (
    (title.PROSE_END_RE, 4),
    (title.HEADLINE_END_RE, 7),
    (title.TRUNCATED_END_RE, 4),
    (title.QUESTION_END_RE, 5),
    (title.TRAILING_TAG_RE, 24),
    (strip.SENTENCE_END_RE, 4),
    (repair.SENTENCE_END_RE, 3),
    (reflow.LINE_END_RE, 4),
)

ENDS = st.text(alphabet="ab Z.!?…。！？:;\"'”’»)]」』[( \t\n؟", max_size=40)


@given(ENDS | st.text(max_size=40))
@example("Port talks resume ...")
@example("Will it rain?!”\n")  # "$" before a final newline
@example("Storm closes port [Video]")
@example("Storm closes port (Update)")
@example("...")
def test_search_end_finds_the_match_of_a_whole_search(text: str) -> None:
    for pattern, longest in ENDINGS:
        whole = pattern.search(text)
        end = search_end(pattern, text, longest)
        assert (end and end.span()) == (whole and whole.span()), pattern.pattern
