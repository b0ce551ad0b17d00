"""The rules backend's "About this document" opening: who the document is from and what it is about.

A letter's first page should say who it is from and what it is about (Department of Health, *Making
written information easier to understand*, 2010: "say who the information is from" and what it is
about first; Mencap, *Make it clear*). The LLM backends write an opening in their planning step
(`layout/opening.py` shows it); without one, this module builds it from the document's own words:

* a letter: "This letter is from Northbrook Borough Council." (`letters.sender_name`) and "It is
  about Council Tax Annual Bill 2026/27." (its Easy Read title);
* any other document whose title line was only the name of who made it (a banner, passed over by
  `title_choice`): "This is from Tintern Community Council.", so that line is not lost.

Nothing is invented: a sender the document does not name gives no "from" sentence, and a document
that is neither gives no opening. The opening is kept apart from the sections, as an LLM's is, so
the fact checks and the source ledger never count it for a part of the source.
"""

from __future__ import annotations

import re

from easyread.data import data_words
from easyread.letters import is_letter, sender_name
from easyread.model import Item, SourceDocument
from easyread.title_choice import TitleChoice


def from_and_about(source: SourceDocument, choice: TitleChoice, title: str) -> list[Item]:
    """The opening items for `source` (prepared: letter furniture set aside), whose title was chosen
    as `choice` and reads `title` in plain words; [] when the document says nothing to put there."""
    from easyread.backends.rules import RulesBackend

    letter = is_letter(source)
    sender, sender_location = sender_name(source) if letter else ("", "")
    if not sender and choice.banner:
        sender, sender_location = choice.banner, source.title_location
    sentences: list[tuple[str, str]] = []  # (sentence, the location of the words it says)
    if sender:
        sentences.append((f"{'This letter' if letter else 'This'} is from {organisation_name(sender)}.", sender_location))
    if letter and title:
        sentences.append((f"It is about {about(title)}.", choice.location))
    items = []
    for sentence, location in sentences:
        item = RulesBackend.make_item(sentence)
        item.source = [location] if location else []
        items.append(item)
    return items


def organisation_name(name: str) -> str:
    """An organisation's name as a reader sees it: BLOCK CAPITALS in title case, its acronyms kept
    ("NORTHBROOK NHS TRUST" -> "Northbrook NHS Trust"); a name in ordinary case as it is written."""
    from easyread.backends.rules import known_acronyms

    name = " ".join(name.split()).rstrip(".,:;")
    if not name.isupper():
        return name
    acronyms = known_acronyms(name)
    small = {"of", "and", "for", "the", "in", "on", "at"}
    words = [word if word in acronyms else (word.lower() if index and word.lower() in small else word.capitalize())
             for index, word in enumerate(name.split())]
    return " ".join(words)


def about(title: str) -> str:
    """`title` to follow "It is about": without a label naming the kind of document ("Important
    notice: ...", "...: Explanatory Letter"), its first word in lower case when the title reads as a
    phrase ("Changes to your bin day" -> "changes to your bin day"), as written when it is a name in
    capitals ("Council Tax Annual Bill 2026/27"); no closing full stop."""
    title = " ".join(title.split()).rstrip(".")
    if ":" in title:  # "Important notice: changes to ..." and "Council Tax Bill 2026/27: Explanatory Letter"
        label, rest = (part.strip() for part in title.split(":", 1))
        kinds = data_words("document_kinds.txt")
        if label and rest and label.split()[-1].lower() in kinds:
            title = rest
        elif label and rest and rest.split()[-1].lower() in kinds and len(label.split()) >= 2:
            title = label
    words = title.split()
    if len(words) > 1 and words[0][1:].islower() and re.match(r"[a-z0-9(]", words[1]):
        return words[0].lower() + title[len(words[0]):]
    return title
