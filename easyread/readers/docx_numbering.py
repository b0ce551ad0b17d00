"""Word's automatic numbering: the label ("3.", "b)", "iv.") shown before a numbered paragraph.

Rules from ECMA-376 Part 1, 17.9 (Numbering) with Word's own reading of them ([MS-OI29500] 2.1.283):
* a paragraph is numbered by its w:numPr, or by its style's (numId 0 switches numbering off);
* a w:num points to a w:abstractNum (directly, or through a numbering style's w:numStyleLink) and
  may override levels (w:lvlOverride: a w:startOverride or a whole w:lvl);
* the running count belongs to the abstract definition, so w:num instances that share one continue
  each other's count, as Word does; the first paragraph of an instance with a w:startOverride
  restarts the count at that level ("Restart at 1" in Word makes such an instance);
* a level restarts after any item of a higher level (w:lvlRestart changes or stops that);
* w:lvlText puts each level's number in place of %1..%9; with w:isLgl all of them are decimal;
  a %n deeper than the paragraph's own level makes Word drop the whole label.
Bullets give no label: the bullet glyph is not text a reader needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from easyread.readers.docx_styles import StyleSheet
from easyread.readers.docx_xml import W, int_value, is_on, value

_PLACEHOLDER = re.compile(r"%([1-9])")
_LEVELS = 9
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_ALPHABET = 26
_MAX_ROMAN = 3999  # MMMCMXCIX: the largest number written with the usual Roman numerals
_MAX_LETTERS = 30 * _ALPHABET  # Word's letter numbering stops at 780 (z written 30 times)


@dataclass(frozen=True)
class Level:
    """One level of a numbering definition (w:lvl)."""

    number_format: str  # w:numFmt: "decimal", "lowerLetter", "bullet", ...
    text: str  # w:lvlText: "%1." ...
    start: int
    restart: int | None  # w:lvlRestart (1-based level after which this one restarts; 0 never)
    legal: bool  # w:isLgl


def format_number(number: int, number_format: str) -> str:
    """`number` written in a Word number format (ECMA-376 17.18.59 ST_NumberFormat).

    decimal 3, decimalZero 03, lowerRoman iii, upperRoman III, lowerLetter c (27 is aa), upperLetter C,
    ordinal 3rd. Formats Word spells out in words, or in other scripts, fall back to decimal digits:
    the number is kept even when its look is not. So do numbers past 3999 in Roman numerals and
    past 780 (zzz... 30 times) in letters: a damaged start value of 10**12 must not spell out a
    billion letters.
    """
    if number_format == "decimalZero":
        return f"{number:02d}"
    if 0 < number <= _MAX_ROMAN and number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.upper() if number_format == "upperRoman" else roman
    if 0 < number <= _MAX_LETTERS and number_format in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (number - 1) % _ALPHABET) * ((number - 1) // _ALPHABET + 1)
        return letters.upper() if number_format == "upperLetter" else letters
    if number_format == "ordinal":
        return f"{number}{_ordinal_suffix(number)}"
    return str(number)


def _roman(number: int) -> str:
    parts: list[str] = []
    for size, letters in _ROMAN:
        count, number = divmod(number, size)
        parts.append(letters * count)
    return "".join(parts)


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


@dataclass
class _Instance:
    abstract_id: str
    start_overrides: dict[int, int]
    level_overrides: dict[int, Any]


class Numbering:
    """Counts numbered paragraphs in reading order and gives each its label. One per document."""

    def __init__(self, numbering: Any | None, styles: StyleSheet) -> None:
        self._styles = styles
        self._abstracts: dict[str, Any] = {}
        self._instances: dict[str, _Instance] = {}
        self._counts: dict[str, list[int | None]] = {}
        self._started: set[tuple[str, int]] = set()
        self._levels: dict[str, list[Level | None]] = {}
        if numbering is None:
            return
        for abstract in numbering.iterchildren(f"{W}abstractNum"):
            self._abstracts[abstract.get(f"{W}abstractNumId") or ""] = abstract
        for num in numbering.iterchildren(f"{W}num"):
            starts: dict[int, int] = {}
            levels: dict[int, Any] = {}
            for override in num.iterchildren(f"{W}lvlOverride"):
                index = _int_attr(override, "ilvl")
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[index] = int_value(start)
                if override.find(f"{W}lvl") is not None:
                    levels[index] = override.find(f"{W}lvl")
            self._instances[num.get(f"{W}numId") or ""] = _Instance(
                value(num.find(f"{W}abstractNumId")) or "", starts, levels)

    def label(self, p: Any, style_id: str | None) -> tuple[bool, str]:
        """(whether the paragraph is a list item, its label: "3." or "" for bullets and unknown lists).

        Call it once for every paragraph, in reading order: it advances the counts.
        """
        own = p.find(f"{W}pPr/{W}numPr")
        style_num, style_level = self._styles.numbering(style_id)
        num_id = value(own.find(f"{W}numId")) if own is not None else None
        level_index = _int_text(value(own.find(f"{W}ilvl"))) if own is not None else None
        if num_id is None:
            num_id = style_num
        if not num_id or num_id == "0":
            return False, ""
        instance = self._instances.get(num_id)
        abstract_id = self._resolve(instance.abstract_id) if instance else None
        if instance is None or abstract_id is None:
            return True, ""
        if level_index is None:
            level_index = style_level if style_level is not None else self._level_of_style(abstract_id, style_id)
        level_index = min(max(level_index, 0), _LEVELS - 1)
        levels = self._levels.get(num_id)
        if levels is None:
            levels = self._levels[num_id] = [self._level(abstract_id, instance, index) for index in range(_LEVELS)]
        if levels[level_index] is None:
            return True, ""
        counts = self._count(abstract_id, num_id, instance, levels, level_index)
        return True, _label(levels, counts, level_index)

    def _count(self, abstract_id: str, num_id: str, instance: _Instance, levels: list[Level | None],
               index: int) -> list[int | None]:
        counts = self._counts.setdefault(abstract_id, [None] * _LEVELS)
        level = levels[index]
        assert level is not None
        first_use = (num_id, index) not in self._started
        self._started.add((num_id, index))
        start = instance.start_overrides.get(index, level.start)
        if first_use and index in instance.start_overrides:
            counts[index] = start
        else:
            current = counts[index]
            counts[index] = start if current is None else current + 1
        for deeper in range(index + 1, _LEVELS):
            below = levels[deeper]
            restart = below.restart if below is not None and below.restart is not None else deeper
            if restart != 0 and index + 1 <= restart:
                counts[deeper] = None
        return counts

    def _resolve(self, abstract_id: str) -> str | None:
        """The abstract definition holding the levels, following a numbering style's link once."""
        abstract = self._abstracts.get(abstract_id)
        if abstract is None:
            return None
        link = value(abstract.find(f"{W}numStyleLink"))
        if link:
            num_id, _ = self._styles.numbering(link)
            target = self._instances.get(num_id or "")
            if target is not None and target.abstract_id in self._abstracts:
                return target.abstract_id
        return abstract_id

    def _level(self, abstract_id: str, instance: _Instance, index: int) -> Level | None:
        element = instance.level_overrides.get(index)
        if element is None:
            element = next((lvl for lvl in self._abstracts[abstract_id].iterchildren(f"{W}lvl")
                            if _int_attr(lvl, "ilvl") == index), None)
        if element is None:
            return None
        text = element.find(f"{W}lvlText")
        restart = element.find(f"{W}lvlRestart")
        return Level(
            number_format=value(element.find(f"{W}numFmt")) or "decimal",
            text="" if text is None or _is_on_attr(text, "null") else (value(text) or ""),
            start=int_value(element.find(f"{W}start"), 0),
            restart=None if restart is None else int_value(restart),
            legal=is_on(element.find(f"{W}isLgl")),
        )

    def _level_of_style(self, abstract_id: str, style_id: str | None) -> int:
        """The level whose w:pStyle is the paragraph's style (style-linked lists), else the first."""
        for lvl in self._abstracts[abstract_id].iterchildren(f"{W}lvl"):
            if style_id and value(lvl.find(f"{W}pStyle")) == style_id:
                return _int_attr(lvl, "ilvl")
        return 0


def _label(levels: list[Level | None], counts: list[int | None], index: int) -> str:
    level = levels[index]
    assert level is not None
    if level.number_format == "bullet":
        return ""
    if any(int(match.group(1)) - 1 > index for match in _PLACEHOLDER.finditer(level.text)):
        return ""

    def number(match: re.Match[str]) -> str:
        which = int(match.group(1)) - 1
        shown = levels[which]
        if shown is None or shown.number_format == "none":
            return ""
        count = counts[which]
        count = shown.start if count is None else count
        return format_number(count, "decimal" if level.legal else shown.number_format)

    return _PLACEHOLDER.sub(number, level.text).strip()


def _int_attr(element: Any, name: str) -> int:
    return _int_text(element.get(f"{W}{name}")) or 0


def _int_text(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _is_on_attr(element: Any, name: str) -> bool:
    return (element.get(f"{W}{name}") or "").lower() in ("1", "true", "on")
