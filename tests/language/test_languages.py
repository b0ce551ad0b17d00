"""What counts as not English: writing systems always, Latin-script languages only with CLD2,
and no false alarm on English that holds a foreign name, word or quotation."""

from __future__ import annotations

import importlib.util

import pytest

from easyread.language import languages
from easyread.language.languages import detect_language, script_counts, writing_names

HAS_CLD2 = importlib.util.find_spec("pycld2") is not None
needs_cld2 = pytest.mark.skipif(not HAS_CLD2, reason="pycld2 is not installed")


@pytest.fixture
def without_cld2(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Detection as it is where pycld2 is not installed."""
    monkeypatch.setattr(languages, "_cld2", lambda: None)
    detect_language.cache_clear()
    yield
    detect_language.cache_clear()


@pytest.mark.parametrize(("text", "script", "tag", "names"), [
    ("Ο δρόμος θα κλείσει για δύο ημέρες.", "Greek", "el", {"Greek"}),
    ("Мы заменим окна в вашей квартире.", "Cyrillic", "ru", {"Russian", "Cyrillic writing"}),
    ("来月から公園のトイレを新しくします。", "Hiragana", "ja", {"Japanese"}),
    ("图书馆下周一关闭。", "Han", "zh", {"Chinese"}),
    ("도서관은 월요일에 문을 닫습니다.", "Hangul", "ko", {"Korean"}),
    ("הכביש ייסגר ביום ראשון.", "Hebrew", "he", {"Hebrew"}),
    ("يرجى الاتصال بنا إذا كان لديك أي سؤال.", "Arabic", "ar", {"Arabic", "Arabic writing"}),
    ("कृपया हमें फ़ोन करें।", "Devanagari", "hi", {"Hindi", "Devanagari writing"}),
    ("ਕਿਰਪਾ ਕਰਕੇ ਸਾਨੂੰ ਫ਼ੋਨ ਕਰੋ।", "Gurmukhi", "pa", {"Punjabi"}),
    ("ห้องสมุดจะปิดในวันจันทร์", "Thai", "th", {"Thai"}),
])
def test_text_in_another_writing_system_is_not_english(text: str, script: str, tag: str, names: set[str]) -> None:
    language = detect_language(text)
    assert language is not None
    assert language.script == script
    assert language.name in names
    assert language.tag in (tag, "")  # "" where the script has several languages and CLD2 is not installed
    assert language.right_to_left == (script in ("Hebrew", "Arabic"))


def test_the_script_alone_names_it_without_cld2(without_cld2: None) -> None:
    assert detect_language("Мы заменим окна в вашей квартире.").name == "Cyrillic writing"
    assert detect_language("Ο δρόμος θα κλείσει.").name == "Greek"
    assert detect_language("הכביש ייסגר ביום ראשון.").tag == "he"


@pytest.mark.parametrize("text", [
    "Please put your bin out by 7am on Tuesday.",
    "The Greek letter Σ stands for a sum, as in Σx.",
    "Our new caretaker, Дмитрий Иванов, starts on Monday and will check every flat.",
    "Councillor Grzegorz Brzęczyszczykiewicz will chair the meeting on Monday evening in the hall.",
    'The old sign above the market door reads "Liberté, égalité, fraternité" and it must stay there.',
    "Meet us at Pen-y-bont ar Ogwr station car park at 10am, then we walk to Llanfairpwllgwyngyll.",
    "Dear Mr Kowalski,",
    "Ysgol Gymraeg Bro Taf",  # a short line: never judged
    "01632 960000 / info@example.org",
    "",
])
def test_english_with_foreign_names_words_or_quotations_is_not_flagged(text: str) -> None:
    assert detect_language(text) is None


@needs_cld2
@pytest.mark.parametrize(("text", "name", "tag"), [
    ("Bydd y cyngor yn casglu eich bin ailgylchu bob dydd Mawrth. "
     "Cysylltwch â ni os oes gennych unrhyw gwestiynau am y newid.", "Welsh", "cy"),
    ("Nous allons fermer la piscine municipale pendant deux semaines pour des travaux.", "French", "fr"),
    ("Prosimy o kontakt z urzędem miasta w sprawie podatku od nieruchomości.", "Polish", "pl"),
    ("La biblioteca permanecerá cerrada durante dos semanas por obras de mantenimiento.", "Spanish", "es"),
])
def test_latin_script_languages_are_told_from_english_by_cld2(text: str, name: str, tag: str) -> None:
    language = detect_language(text)
    assert language is not None and (language.name, language.tag, language.script) == (name, tag, "Latin")


def test_latin_script_text_is_taken_for_english_without_cld2(without_cld2: None) -> None:
    assert detect_language("Bydd y cyngor yn casglu eich bin ailgylchu bob dydd Mawrth. "
                           "Cysylltwch â ni os oes gennych unrhyw gwestiynau am y newid.") is None


def test_a_text_cld2_cannot_read_gives_no_verdict_not_an_error() -> None:
    assert detect_language("Please call us \ud800 on Monday or Tuesday about the new bins in the street.") is None
    assert detect_language("\x00\x01 Мы заменим окна.").script == "Cyrillic"


def test_letters_are_counted_by_script_and_japanese_han_goes_with_its_kana() -> None:
    assert script_counts("abc Да 12!") == {"Latin": 3, "Cyrillic": 2}
    assert writing_names("来月から公園") == ["Japanese writing"]
    assert writing_names("图书馆 and Ωμέγα") == ["Greek writing", "Chinese characters"]
    assert writing_names("plain English") == []
