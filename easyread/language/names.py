"""Find names in running text: people, places, organisations, schemes and laws, kept whole.

A name is two or more capitalised words in a row ("Northbrook Borough Council", "Rosemary Court",
"Valuation Tribunal for England"), which may hold small joining words ("Office of the Public
Guardian"), "etc." and a capitalised word in brackets ("Local Government etc. (Scotland) Act
1994"), and which takes the year after "Act", "Regulations" or "Order". A capitalised function word
that only starts a sentence ("The", "If", "Please") is not part of a name. Words in BLOCK CAPITALS
are not names (text shouted in capitals is made sentence case elsewhere), except short acronyms
inside a name ("NHS Greater Glasgow"). Rewriting steps leave these spans alone: no word swapped,
no "etc." expanded, no bracket removed inside a name (the issue "Nothing lost, nothing changed").
"""

from __future__ import annotations

import re
from functools import cache

from easyread.data import data_words

_CAPITALISED = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-(?:Mc|Mac)?[A-Za-z][a-z]+)*(?:['’]s)?|St\.?|[A-Z]{2,5}"
_JOINER = r"(?:of|the|and|for|etc\.|&|on|upon|in|de|la|le|du|von|van|y)"
_BRACKETED = r"\((?:" + _CAPITALISED + r")(?:\s+(?:" + _CAPITALISED + r"))*\)"
_PART = rf"(?:{_CAPITALISED}|{_BRACKETED})"
_NAME = re.compile(
    rf"(?<![\w'’-])(?:{_CAPITALISED})(?:\s+(?:{_JOINER}\s+)*{_PART})+(?:\s+(?:19|20)\d{{2}})?(?![\w'’-])"
)
_LAW_YEAR = re.compile(r"\b(?:Act|Regulations|Order|Rules|Code|Measure)\s+(?:19|20)\d{2}$")
_TRAILING_JOINERS = re.compile(rf"(?:\s+{_JOINER})+$")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split())


@cache
def _function_words() -> frozenset[str]:
    return data_words("function_words.txt")


@cache
def _place_words() -> frozenset[str]:
    return data_words("place_words.txt")


def name_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name in `text`, in order, not overlapping.

    A year is part of the name only after a law's type word ("Care Act 2014"), so "Monday 4 May
    2026" gives no year to "Monday May". A span must keep two capitalised words after a leading
    function word is dropped ("The Council" is not a name; "The Care Act 2014" gives "Care Act 2014").
    """
    spans: list[tuple[int, int]] = []
    for match in _NAME.finditer(text):
        start, end = match.start(), match.end()
        found = match.group(0)
        if re.search(r"\s(?:19|20)\d{2}$", found) and not _LAW_YEAR.search(found):
            end = start + len(found.rsplit(None, 1)[0])
        words = text[start:end].split()
        while words and words[0].lower().strip("'’") in _function_words() and not words[0].isupper():
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        trimmed = _TRAILING_JOINERS.sub("", text[start:end])
        end = start + len(trimmed)
        capitals = [word for word in trimmed.split() if word[:1].isupper() and not word.isupper()]
        if all(word.lower().rstrip(",.") in _CALENDAR for word in capitals):
            continue  # "Monday and Thursday", "May June": days and months, not a name
        if len(capitals) >= 2 or (len(capitals) == 1 and len(trimmed.split()) >= 2 and _LAW_YEAR.search(trimmed)):
            spans.append((start, end))
    return spans


_LAW_COURT = re.compile(r"\b(?:crown|county|magistrates['’]?|supreme|high|sheriff|family|youth|coroners?['’]?|"
                        r"appeal|appeals|district|employment|small claims)\s+court\b", re.IGNORECASE)


def is_place_name(name: str) -> bool:
    """Whether a name is a place or building ("Rosemary Court", "Mallard Court Common Room", "Civic
    Centre"): a word after its first says so. A court of law ("Crown Court", "County Court") is not."""
    words = [word.lower() for word in re.findall(r"[A-Za-z]+", name)]
    if _LAW_COURT.search(name):
        return False
    return any(word in _place_words() for word in words[1:])


_SHOUTED_LAW = re.compile(r"\b(?:ACT|REGULATIONS|ORDER|RULES|MEASURE)\s+(?:19|20)\d{2}\b")
_SHOUTED_WORD = re.compile(r"\(?[A-Z][A-Z'’&.-]*\)?$")
_LAW_JOINERS = frozenset({"of", "the", "and", "for", "etc.", "&"})
MAX_LAW_NAME_WORDS = 10


def shouted_law_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names of laws written in BLOCK CAPITALS: "SECTION 14 - ROAD TRAFFIC REGULATION ACT
    1984" gives "ROAD TRAFFIC REGULATION ACT 1984"; "UNDER THE REPRESENTATION OF THE PEOPLE ACT 1983"
    gives "REPRESENTATION OF THE PEOPLE ACT 1983". Small words join a name's words ("OF THE") but
    other function words ("UNDER", "THAT") end it."""
    spans = []
    for match in _SHOUTED_LAW.finditer(text):
        words = list(re.finditer(r"\S+", text[: match.start()]))
        start = match.start()
        pending: list[re.Match[str]] = []
        taken = 0
        for word in reversed(words):
            token = word.group(0)
            if not _SHOUTED_WORD.match(token) or taken >= MAX_LAW_NAME_WORDS:
                break
            lower = token.lower().strip("()")
            if lower in _LAW_JOINERS:
                pending.append(word)
                continue
            if lower in _function_words():
                break
            start, pending, taken = word.start(), [], taken + 1 + len(pending)
        if start < match.start():
            spans.append((start, match.end()))
    return spans


def title_case_name(name: str) -> str:
    """A name in capitals written as a name: "ROAD TRAFFIC REGULATION ACT 1984" -> "Road Traffic
    Regulation Act 1984", "HARBOURS ETC. (WALES) ACT" -> "Harbours etc. (Wales) Act"."""
    def word(match: re.Match[str]) -> str:
        token = match.group(0)
        lower = token.lower()
        if lower in _LAW_JOINERS and match.start() > 0:
            return lower
        return lower[:1].upper() + lower[1:]

    return re.sub(r"[A-Za-z][A-Za-z'’.&-]*", word, name)
