"""Small type: body text below the profile's size fails; a footer or imprint in small type beside
big-enough body text is small print, a warning under the default profile and an error under strict."""

from __future__ import annotations

from easyread.checks.layout_rules import body_size, small_text_findings, small_text_level
from easyread.checks.pdf_text import TextRun
from easyread.checks.run import check_document
from easyread.config import Settings

BODY = "You can ask us for this leaflet in large print."


def run(page: int, text: str, size: float) -> TextRun:
    return TextRun(page, text, size, "Helvetica", "body")


def test_body_size_is_the_size_most_characters_have_and_labels_do_not_count():
    lines = [(12.0, BODY), (12.0, BODY), (8.0, "Issue date 3 March 2026, review due 2027"), (9.0, "Picture")]
    assert body_size(lines) == 12.0
    assert body_size([(9.0, "Picture"), (9.0, "Bins")]) is None  # only labels: no body text


def test_small_print_level_depends_on_the_body():
    assert small_text_level(12.0, 12.0, "warning") == "warning"
    assert small_text_level(10.5, 12.0, "warning") is None  # the body itself is too small: an error
    assert small_text_level(None, 12.0, "warning") is None


def test_a_footer_in_small_type_beside_big_body_text_is_a_warning():
    runs = [run(1, BODY, 14), run(1, "Document owner: the leaflets team, page 1", 8), run(2, BODY, 14)]
    [finding] = [f for f in small_text_findings(runs, 12.0, small_print="warning") if f.rule_id == "ER301"]
    assert finding.level == "warning" and finding.location == "page 1" and "8 pt" in finding.text
    [strict] = [f for f in small_text_findings(runs, 14.0, small_print="error") if f.rule_id == "ER301"]
    assert strict.level == "error"


def test_body_text_below_the_size_is_an_error_whatever_the_small_print_setting():
    runs = [run(1, BODY, 10.5), run(2, BODY, 10.5)]
    findings = [f for f in small_text_findings(runs, 12.0, small_print="warning") if f.rule_id == "ER301"]
    assert [f.location for f in findings] == ["page 1", "page 2"]
    assert all(f.level is None and f.severity == "error" for f in findings)


def test_a_one_or_two_word_label_in_small_type_is_not_body_text():
    runs = [run(1, BODY, 14), run(1, "Town hall", 9)]
    assert not [f for f in small_text_findings(runs, 14.0) if f.rule_id == "ER301"]


def _docx(path, sizes: list[tuple[str, float]]):
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for text, size in sizes:
        document.add_paragraph().add_run(text).font.size = Pt(size)
    document.save(str(path))
    return path


def test_word_small_print_follows_the_profile(tmp_path):
    path = _docx(tmp_path / "leaflet.docx", [(BODY, 14), (BODY, 14), ("Printed by the council print room in 2026.", 9)])
    default = [f for f in check_document(path, Settings()).findings if f.rule_id == "ER301"]
    assert [f.severity for f in default] == ["warning"]
    strict = [f for f in check_document(path, Settings(profile="strict")).findings if f.rule_id == "ER301"]
    assert [f.severity for f in strict] == ["error"]
    small_body = _docx(tmp_path / "small.docx", [(BODY, 10), (BODY, 10)])
    assert {f.severity for f in check_document(small_body, Settings()).findings if f.rule_id == "ER301"} == {"error"}


def test_a_settings_file_can_make_small_print_an_error(tmp_path):
    from easyread.config import settings_from_table

    assert settings_from_table({"small_print": "error"}).small_print == "error"
    assert Settings().small_print == "warning" and Settings(profile="strict").small_print == "error"
