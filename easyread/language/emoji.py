"""Take emoji out of Easy Read text, so that no output prints an empty box or a blank for one.

What counts as an emoji comes from Unicode's emoji data (UTS #51, emoji-data.txt), read through
the `regex` module's property classes. Python's `unicodedata` has no emoji properties, and the
`emoji` package matches a list of emoji sequences that also holds ©, ® and ™, which Easy Read text
must keep; `regex` (already installed through wordfreq) follows each new Unicode version.

The text is cut into grapheme clusters (`\\X`, UAX #29), which keep a zero-width-joiner sequence
(👨‍👩‍👧), a skin tone (👍🏽), a flag (🇬🇧, 🏴 with its tag characters) and a keycap (1️⃣) in one
piece. A cluster is an emoji, and is removed whole with its variation selectors, joiners and
modifiers, when its first character is Extended_Pictographic, Emoji_Presentation or
Regional_Indicator and

- that character has Emoji_Presentation (shown as an emoji by default: 😀 ✅ ⌚), or
- the cluster holds U+FE0F (VARIATION SELECTOR-16, "show as emoji": ❤️ ☎️ ⚠️), U+200D (ZERO
  WIDTH JOINER) or an Emoji_Modifier (a skin tone),

unless it holds U+FE0E (VARIATION SELECTOR-15, "show as text"). A keycap keeps its digit or sign,
which may be a fact ("Press 1️⃣" becomes "Press 1"). Pictographs shown as text by default (©, ™,
↔, ✔ without U+FE0F) are text symbols and stay; the PDF leaves out any that no font has
(`easyread.layout.fonts.undrawable` says which). Joiners and selectors outside emoji are kept:
other scripts need them.
"""

from __future__ import annotations

import functools
import re

KEYCAP = "\u20e3"
TEXT_STYLE = "\ufe0e"
EMOJI_STYLE = "\ufe0f"
JOINER = "\u200d"
_KEYCAP_BASES = frozenset("0123456789#*")
_OPENING = "([{«“‘"
_CLOSING = ".,;:!?)]}»”’…"
_SPACE = r"[ \t\u00a0]"  # spaces on one line


@functools.lru_cache(maxsize=1)
def _patterns():  # type: ignore[no-untyped-def]
    import regex

    return (
        regex.compile(r"\X"),
        regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Regional_Indicator}]"),
        regex.compile(r"\p{Emoji_Presentation}"),
        regex.compile(r"\p{Emoji_Modifier}"),
    )


def _emoji(cluster: str) -> bool:
    _, pictographic, presentation, modifier = _patterns()
    first = cluster[0]
    if TEXT_STYLE in cluster or not pictographic.match(first):
        return False
    return bool(
        presentation.match(first) or EMOJI_STYLE in cluster or JOINER in cluster or modifier.search(cluster)
    )


def _tidy(text: str, mark: str) -> str:
    """`text` with each `mark` (where an emoji stood) and the spaces around it made into the
    spacing a person would type: one space between words, none at either end of a line, none
    before closing punctuation or after opening punctuation."""
    def spacing(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if before in ("", "\n") or after in ("", "\n") or after in _CLOSING or before in _OPENING:
            return ""
        spaced = bool(match.group(0).replace(mark, ""))  # a space stood next to the emoji
        return " " if spaced or (before.isalnum() and after.isalnum()) else ""

    return re.sub(rf"{_SPACE}*(?:{re.escape(mark)}{_SPACE}*)+", spacing, text)


def without_emoji(text: str) -> tuple[str, bool]:
    """`text` without its emoji, and whether it had any (see the module docstring for what counts).

    Where an emoji stood, spacing is tidied: one space between words, none before closing
    punctuation or at either end ("Bins 🗑️ go out 🎉!" -> "Bins go out!"). Text with no emoji comes
    back unchanged. Pure; raises nothing.
    """
    if not text or text.isascii():
        return text, False
    clusters, pictographic, *_ = _patterns()
    if KEYCAP not in text and not pictographic.search(text):
        return text, False  # one scan at C speed for the usual text with no emoji at all
    mark = next(chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)  # a private-use character
    kept: list[str] = []
    removed = False
    for match in clusters.finditer(text):
        cluster = match.group(0)
        if cluster[0] in _KEYCAP_BASES and KEYCAP in cluster:
            kept.append(cluster[0])
            removed = True
        elif _emoji(cluster):
            kept.append(mark)
            removed = True
        else:
            kept.append(cluster)
    if not removed:
        return text, False
    return _tidy("".join(kept), mark), True


def starts_with_emoji(text: str) -> bool:
    """Whether `text` begins with an emoji (after spaces): such a line uses it as a bullet ("✅ Share ...")."""
    stripped = text.lstrip()
    if not stripped or stripped.isascii():
        return False
    clusters, *_ = _patterns()
    first = clusters.match(stripped)
    return first is not None and _emoji(first.group(0))
