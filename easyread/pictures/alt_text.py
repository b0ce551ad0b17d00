"""The alt text of a picture: a short sentence saying what the picture shows.

Every output format (PDF, Word, HTML, Markdown) takes a picture's alt text from here, so a screen
reader hears the same words in each. The sentence says what the chosen picture IS, not what it was
chosen for: an OpenMoji picture by its emoji's Unicode name ("1F5D1.svg", WASTEBASKET -> "The
picture shows a wastebasket."), a council's own picture by its file name ("green-bin.png" -> "The
picture shows a green bin.") or, when the name says nothing ("IMG_0042.jpg"), by the first keyword
phrase its folder's `pictures.csv` gives it. Only when neither says anything is the item's picture
description used, and then its first phrase only: alt text is never a keyword list. A picture
`--pictures generate` drew shows its description, so its alt text is that description as a
sentence ("a calendar, bin" -> "The picture shows a calendar and a bin."). Every alt text is a
whole sentence, as Easy Read asks. W3C WAI, *Images tutorial: informative images* (2022): "a short
text alternative ... that conveys the essential information".
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

from easyread.data import data_words
from easyread.pictures.picture_list import CSV_NAME, read_picture_list
from easyread.pictures.raster import OPENMOJI_PREFIX

CSV_LEVELS = 3  # a picture in "bins/green/caddy.png" finds the library's pictures.csv this many folders up
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
PICTURE_SHOWS = "The picture shows"  # every alt text is a sentence starting so
_JOINERS = frozenset({"with", "of", "in", "on", "for", "and", "at", "from", "without", "under", "over"})
_VOWEL_SOUND_EXCEPTIONS = ("uni", "use", "usu", "eu", "one", "once", "ewe")  # "a unicorn", "a eucalyptus"
_SILENT_H = ("hour", "honest", "honour", "heir")  # "an hourglass"


def alt_text(description: str, picture_file: str | None) -> str:
    """A short sentence saying what the picture at `picture_file` shows, e.g. "The picture shows a
    green bin.".

    `description` is the item's picture description (what the picture should show), used only
    when the picture itself gives no words; `picture_file` is the chosen picture
    ("openmoji:1F5D1.svg" or a path), or None for a placeholder. Returns "" for a placeholder: it
    shows no picture, so it has nothing to describe (renderers mark it as decoration).
    """
    if not picture_file:
        return ""
    from easyread.pictures.image_cache import is_generated

    if is_generated(picture_file):
        return description_sentence(description)
    phrase = picture_phrase(picture_file) or first_phrase(description)
    return sentence_of(phrase) if phrase else ""


def description_sentence(description: str) -> str:
    """The picture description of a generated picture as one sentence, each of its phrases with its
    article, after "The picture shows": "a calendar, bin, Tuesday" -> "The picture shows a calendar,
    a bin and Tuesday."; "a green bin by a gate" -> "... a green bin by a gate."; a lone colour or
    size joins the phrase after it (the rules backend lists "green, bin": "... a green bin."); "" for
    an empty description."""
    parts = [part.strip() for part in re.split(r"[,;/|]", description) if _WORD.search(part)]
    modifiers = data_words("picture_modifiers.txt")  # colours and sizes
    joined: list[str] = []
    for part in parts:
        if joined and " " not in joined[-1] and joined[-1].lower() in modifiers:
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    phrases = [_with_article(part) for part in joined]
    if not phrases:
        return ""
    text = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return f"{PICTURE_SHOWS} {text}."


def _with_article(part: str) -> str:
    """One phrase of a description, trimmed, with "a" or "an" unless it has an article, is a name
    (a capital), a plural or a noun never counted ("money")."""
    words = part.strip().rstrip(".").split()
    if words[0].lower() in ("a", "an", "the", "some", "two", "three", "many") or words[0][:1].isupper():
        return " ".join(words)
    lower = [word.lower() for word in words if _WORD.fullmatch(word)]
    if not lower or _takes_no_article(_head_noun(lower)):
        return " ".join(words)
    return f"{_article(words[0])} {' '.join(words)}"


def picture_phrase(picture_file: str) -> str:
    """What the picture file shows, as a lower-case phrase ("wastebasket", "green bin"), or "" when
    neither its name nor its library's `pictures.csv` says anything."""
    if picture_file.startswith(OPENMOJI_PREFIX):
        return emoji_phrase(Path(picture_file[len(OPENMOJI_PREFIX):]).stem)
    path = Path(picture_file)
    keywords = _csv_keywords(path)
    return name_phrase(path.stem) or (first_phrase(keywords[0]) if keywords else "")


def emoji_phrase(stem: str) -> str:
    """The Unicode name of the emoji an OpenMoji file draws, lower case, without the words that say
    how the old symbol was drawn ("1F5D1" -> "wastebasket", "260E" BLACK TELEPHONE -> "telephone");
    a sequence is named by its parts ("1F469-200D-1F692" -> "woman fire engine"); "" when unknown
    (OpenMoji's own extra symbols are in the private use area and have no name)."""
    names = []
    for code in stem.upper().split("-"):
        try:
            character = chr(int(code, 16))
        except (ValueError, OverflowError):
            return ""
        if unicodedata.category(character) in ("Mn", "Cf", "Sk") or 0xFE00 <= ord(character) <= 0xFE0F:
            continue  # variation selectors, zero-width joiners and skin tones name nothing
        name = unicodedata.name(character, "")
        if not name:
            return ""
        words = name.lower().split()
        style = data_words("emoji_name_style_words.txt")
        names.append(" ".join(word for word in words if word not in style) or name.lower())
    return " and ".join(names)


def name_phrase(stem: str) -> str:
    """A file name as words ("green-bin_2" -> "green bin"); "" when it has no real word: numbers,
    camera names ("IMG_0042", "DSC0001") and one-letter parts say nothing."""
    words = [word.lower() for word in _WORD.findall(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem))]
    skip = data_words("picture_file_words.txt")
    words = [word for word in words if len(word) > 1 and word not in skip]
    return " ".join(words)


def first_phrase(text: str) -> str:
    """The first phrase of a description or a keyword list ("council, question, problem" ->
    "council"; "a green bin" -> "green bin"), lower case, without a leading article."""
    head = re.split(r"[,;/|]", text.strip(), maxsplit=1)[0]
    words = [word.lower() for word in _WORD.findall(head)]
    while words and words[0] in ("a", "an", "the", "picture", "of"):
        words = words[1:]
    return " ".join(words)


def sentence_of(phrase: str) -> str:
    """`phrase` as a short complete sentence saying what the picture shows: "green bin" -> "The
    picture shows a green bin.", "envelope" -> "... an envelope.", "busts in silhouette" -> "...
    busts in silhouette.", "japanese castle" -> "... a Japanese castle." (`data/proper_adjectives.txt`).
    A subject and a verb, not a bare noun phrase: Easy Read asks for whole sentences, and a screen
    reader user hears it as one (W3C WAI, *Images tutorial*: say what the picture conveys)."""
    proper = data_words("proper_adjectives.txt")
    phrase = " ".join(word.capitalize() if word in proper else word for word in phrase.split())
    words = phrase.split()
    head = _head_noun(words)
    if _takes_no_article(head) or words[0] in ("a", "an", "the"):
        text = phrase
    else:
        text = f"{_article(words[0])} {phrase}"
    return f"{PICTURE_SHOWS} {text}."


def _head_noun(words: list[str]) -> str:
    """The last word before the first joiner ("telephone receiver with cord" -> "receiver"), or the
    word before a closing "-ing" word ("people hugging" -> "people"); a name ending "symbol" or
    "sign" is one ("put litter in its place symbol" -> "symbol")."""
    if words[-1] in ("symbol", "sign"):
        return words[-1]
    before = []
    for word in words:
        if word in _JOINERS and before:
            break
        before.append(word)
    if len(before) > 1 and before[-1].endswith("ing") and len(before[-1]) > 5:
        return before[-2]
    return before[-1]


def _takes_no_article(noun: str) -> bool:
    """A plural ("people", "busts") or a noun that is never counted ("money", "bread")."""
    from easyread.language.pictures import singular

    if noun in data_words("uncountable_nouns.txt"):
        return True
    return singular(noun) != noun and not noun.endswith("ss")


def _article(word: str) -> str:
    """ "a" or "an" by the sound the word starts with (by its spelling, with the common exceptions)."""
    if word.startswith(_SILENT_H):
        return "an"
    if word[:1].lower() in "aeiou" and not word.startswith(_VOWEL_SOUND_EXCEPTIONS):
        return "an"
    return "a"


def _csv_keywords(path: Path) -> list[str]:
    """The keywords `pictures.csv` gives the picture at `path`, in the nearest folder above it that
    lists it (by its path from that folder, or by its file name), in their order; [] if none does."""
    folder = path.parent
    for _ in range(CSV_LEVELS):
        listing = folder / CSV_NAME
        if listing.is_file():
            try:
                entries = read_picture_list(listing)
                relative = path.relative_to(folder).as_posix()
            except (OSError, UnicodeDecodeError, csv.Error, ValueError):
                return []
            found = entries.get(relative, []) + entries.get(path.name, [])
            if found:
                return found
        if folder.parent == folder:
            break
        folder = folder.parent
    return []
