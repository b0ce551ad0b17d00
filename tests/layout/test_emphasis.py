"""Bold hard words, never inside protected text, the same in every renderer."""

from __future__ import annotations

from easyread.layout.docx import sentence_parts
from easyread.layout.emphasis import emphasis_runs
from easyread.layout.html import sentence_html
from easyread.layout.markdown import sentence_markdown
from easyread.layout.markup import sentence_markup
from easyread.model import HardWord

POLICY = HardWord("policy", "A set of rules.")
COURT = HardWord("court", "Where a judge decides.")
SENTENCE = "Read the policy at https://www.example.gov.uk/trees/tree-policy-2025.pdf before court."


def test_a_hard_word_is_bold_in_the_sentence_but_not_inside_a_web_address():
    runs = emphasis_runs(SENTENCE, [POLICY])
    assert [piece for piece, bold in runs if bold] == ["policy"]
    assert "".join(piece for piece, _ in runs) == SENTENCE


def test_a_place_name_and_an_email_keep_their_words_plain():
    text = "Write to 3 Willow Court or court@example.gov.uk, not the court."
    runs = emphasis_runs(text, [COURT])
    assert [(piece, bold) for piece, bold in runs if bold] == [("court", True)]
    assert runs[-2:] == [("court", True), (".", False)]


def test_every_renderer_bolds_the_same_words():
    words = [POLICY, COURT]
    assert sentence_markdown(SENTENCE, words).count("**") == 4  # "policy" and "court", each opened and closed
    assert sentence_html(SENTENCE, words).count("<strong>") == 2
    assert sum(1 for _, bold in sentence_parts(SENTENCE, words) if bold) == 2
    assert sentence_markup(SENTENCE, words).count("<b>") == 2
    assert "tree-policy-2025.pdf" in sentence_markdown(SENTENCE, words).replace("\\", "")
