"""Issue 11, item 3, third bullet: a Russian, Greek, Japanese or Hebrew text lost every sentence
(the rules backend kept only sentences with an ASCII letter or digit) and `render` then refused
the empty plan. Now such text is kept as written, flagged not-english, and reported in one
warning line; a PDF that cannot show the writing is refused with one line, before anything is
written. Every text here is invented for the test.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from easyread.layout.no_break import plain_spaces
from tests.hostile.conftest import assert_refused, run_easyread, snapshot

HAS_CLD2 = importlib.util.find_spec("pycld2") is not None

# (name, title, sentences of the body, the language named in the warning with and without CLD2,
#  whether a PDF can show it)
TEXTS = {
    "russian": (
        "Замена окон в доме",
        ["Мы заменим окна в вашей квартире в понедельник, 3 марта 2025 года.",
         "Рабочие придут в 9:00 и уйдут до 17:00.",
         "Если у вас есть вопросы, позвоните по номеру 01632 960111 или напишите на okna@example.org."],
        ("Russian", "Cyrillic writing"), True,
    ),
    "greek": (
        "Κλείσιμο της βιβλιοθήκης",
        ["Η βιβλιοθήκη θα μείνει κλειστή για δύο εβδομάδες από τις 5 Μαΐου.",
         "Μπορείτε να επιστρέψετε τα βιβλία στο κουτί δίπλα στην πόρτα.",
         "Για πληροφορίες καλέστε στο 01632 960222."],
        ("Greek", "Greek"), True,
    ),
    "japanese": (
        "公園の工事のお知らせ",
        ["来月から公園のトイレを新しくします。",
         "工事の間、北側の入口は使えません。",
         "ご質問は 01632 960333 までお電話ください。"],
        ("Japanese", "Japanese"), False,
    ),
    "hebrew": (
        "סגירת הכביש",
        ["הכביש ליד בית הספר ייסגר ביום ראשון בין 8:00 ל-18:00.",
         "נא להשתמש בדרך החלופית דרך הגשר.",
         "לשאלות התקשרו למספר 01632 960444."],
        ("Hebrew", "Hebrew"), False,
    ),
}


def _write_source(folder: Path, name: str) -> tuple[Path, str, list[str]]:
    title, sentences, _, _ = TEXTS[name]
    source = folder / f"{name}.md"
    source.write_text(f"# {title}\n\n{sentences[0]} {sentences[1]}\n\n{sentences[2]}\n", encoding="utf-8")
    return source, title, sentences


def _plan_items(plan: Path) -> list[dict]:
    data = json.loads(plan.read_text(encoding="utf-8"))
    return [item for section in data["sections"] for item in section["items"]]


@pytest.mark.parametrize("name", list(TEXTS))
def test_text_in_another_script_is_kept_flagged_and_reported(tmp_path: Path, name: str) -> None:
    source, title, sentences = _write_source(tmp_path, name)
    language = TEXTS[name][2][0 if HAS_CLD2 else 1]
    run = run_easyread("convert", source, "-o", tmp_path / "out", "--format", "json,md")
    assert run.code == 0, run.stderr
    assert "Traceback" not in run.stderr

    plan = tmp_path / "out" / f"{name}.easyread.json"
    items = _plan_items(plan)
    said = [item["sentence"] for item in items]
    for sentence in sentences:  # every sentence, exactly as written: no word swapped, no full stop added
        assert sentence in said, (sentence, said)
    assert all("not-english" in item["flags"] for item in items), items
    assert not any(item["hard_words"] for item in items)
    assert json.loads(plan.read_text(encoding="utf-8"))["title"] == title

    warnings = [line for line in run.stderr.splitlines() if "English only for now" in line]
    assert len(warnings) == 1, run.stderr
    assert re.fullmatch(
        rf"warning: .*{name}\.md: English only for now; found {language} in {len(items)} items: "
        r"they are kept as written, not simplified \(flagged not-english\)", warnings[0]), warnings[0]

    markdown = (tmp_path / "out" / f"{name}.easyread.md").read_text(encoding="utf-8")
    assert all(sentence in plain_spaces(markdown) for sentence in sentences)  # U+00A0 keeps a phone number whole


@pytest.mark.parametrize("name", list(TEXTS))
def test_the_plan_of_such_a_text_renders(tmp_path: Path, name: str) -> None:
    source, _, sentences = _write_source(tmp_path, name)
    assert run_easyread("convert", source, "-o", tmp_path, "--format", "json").code == 0
    plan = tmp_path / f"{name}.easyread.json"
    formats = "md,html,docx" + (",pdf" if TEXTS[name][3] else "")
    run = run_easyread("render", plan, "-o", tmp_path / "again", "--format", formats)
    assert run.code == 0, run.stderr
    html = (tmp_path / "again" / f"{name}.easyread.html").read_text(encoding="utf-8")
    for sentence in sentences:  # a phone number sits in a nowrap span
        assert sentence.replace('"', "&quot;") in re.sub(r'</?span[^>]*>', "", html)
    assert re.search(r'<figcaption lang="(ru|el|ja|he)"', html) or not HAS_CLD2 and name == "russian", html[:2000]
    if name == "hebrew":
        assert 'dir="rtl"' in html
    if TEXTS[name][3]:
        from pdfminer.high_level import extract_text

        text = " ".join(extract_text(str(tmp_path / "again" / f"{name}.easyread.pdf")).split())
        assert "\x00" not in text  # spaces drawn, not empty boxes
        for sentence in sentences:
            assert sentence in text, (sentence, text[:1500])


@pytest.mark.parametrize("name", ["japanese", "hebrew"])
def test_a_pdf_that_cannot_show_the_writing_is_refused_before_anything_is_written(tmp_path: Path, name: str) -> None:
    source, _, _ = _write_source(tmp_path, name)
    before = snapshot(tmp_path)
    run = run_easyread("convert", source, "-o", tmp_path / "out", "--format", "json,md,pdf")
    writing = "Japanese writing" if name == "japanese" else "Hebrew writing"
    assert_refused(run, 1, f"a PDF cannot show {writing}", "--format docx,html,md")
    assert len(run.error_lines) == 1
    assert snapshot(tmp_path) == before

    assert run_easyread("convert", source, "-o", tmp_path, "--format", "json").code == 0
    plan = tmp_path / f"{name}.easyread.json"
    run = run_easyread("render", plan, "-o", tmp_path / "again", "--format", "pdf")
    assert_refused(run, 1, f"a PDF cannot show {writing}")
    assert not (tmp_path / "again" / f"{name}.easyread.pdf").exists()


def test_english_with_a_greek_paragraph_converts_the_english_and_keeps_the_greek(tmp_path: Path) -> None:
    greek = "Οι κάδοι ανακύκλωσης θα αδειάζουν κάθε Τρίτη από τον Ιούνιο."
    source = tmp_path / "mixed.md"
    source.write_text("# Bin collections\n\nWe will purchase new recycling bins for every street.\n\n"
                      f"{greek}\n\nPlease telephone 01632 960555 with any questions.\n", encoding="utf-8")
    run = run_easyread("convert", source, "-o", tmp_path, "--format", "json")
    assert run.code == 0, run.stderr
    items = _plan_items(tmp_path / "mixed.easyread.json")
    flagged = [item["sentence"] for item in items if "not-english" in item["flags"]]
    assert flagged == [greek]
    english = " ".join(item["sentence"] for item in items if "not-english" not in item["flags"])
    assert "buy new recycling bins" in english and "purchase" not in english  # the English was simplified
    assert "found Greek in 1 item: it is kept as written, not simplified" in run.stderr
