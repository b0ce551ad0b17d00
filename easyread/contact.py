"""Gather the sender's ways to be contacted on the last page, "How to contact us".

Easy Read ends with how to get in touch (Mencap, *Am I making myself clear?*; Department of Health
2010). The page gathers only the sender's own contact details, each once:

* phone numbers and emails offered as a way to reach the sender: in a section about contacting, in
  the letterhead, a page header or footer, a line that is only contact details, or a sentence that
  offers them ("call us", "contact the team", "email", "Tel:"); not a number given for something
  else ("pay by telephone on ..." to another body), and not in table rows outside a contact
  section (a table of polling stations or venues lists places, not ways to reach the sender);
* web addresses and postal addresses (an item with a postcode) only where they are the sender's:
  in a section about contacting ("Contact us", "How to get in touch", ...), in the letterhead or a
  page header or footer (block roles "sender", "header", "footer"), or in a sentence that offers
  them ("write to", "our address", "visit our website");
* opening hours (a time and "open") in such a place.

It never gathers the recipient's own address (letter furniture, set aside before this), meeting
venues, polling stations or table rows that merely hold a postcode, and it never repeats a section
that is already about contacting: details already in such a section are not gathered again, and
when nothing is left there is no extra page. When there is such a section, a detail outside it is
gathered only when it is plainly the sender's (the letterhead, a header or footer, "call us", "our
office"): a number for another body ("contact the ICO on ...") is not.
"""

from __future__ import annotations

import re
from dataclasses import replace

from easyread.language.facts import Fact, extract_facts
from easyread.model import Block, EasyReadDocument, EasySection, Item, SourceDocument

CONTACT_HEADING = "How to contact us"
SENDER_ROLES = frozenset({"sender", "header", "footer"})
_CONTACT_SECTION = re.compile(
    r"\b(?:contact|get(?:ting)? in touch|how to (?:reach|find|talk to) us|talk to us|write to us|call us|email us|"
    r"our (?:address|details|office)|ask us|where to get help|more information|further information|find out more)\b",
    re.IGNORECASE,
)
_OFFERS_ADDRESS = re.compile(
    r"\b(?:write to|send (?:it|this|them|the \w+|your \w+|us \w+) to|post (?:it|this|them) to|return (?:it|this) to|"
    r"our address|address is|address:|visit us|come to our|our office|reception)\b",
    re.IGNORECASE,
)
_OWN_ADDRESS = re.compile(r"\b(?:P\.?\s?O\.?\s+Box|Freepost)\b", re.IGNORECASE)
_ORGANISATION = re.compile(r"\b(?:council|borough|authority|department|directorate|services|service|team|"
                           r"office|trust|returning officer|clerk)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:us|our|we)\b", re.IGNORECASE)
_OFFERS_WEBSITE = re.compile(r"\b(?:our website|website|web site|visit us|contact us|get in touch)\b", re.IGNORECASE)
_OFFERS_CONTACT = re.compile(
    r"\b(?:call|ring|phone us|phone the|phone me|contact|e-?mail|text us|speak to|talk to|get in touch|helpline|"
    r"enquir\w*|questions?|tel\b|telephone:|phone:|mobile:|minicom|textphone|reach us)", re.IGNORECASE)
_OPENING_HOURS = re.compile(r"\b(?:open|opening hours|office hours|lines are open)\b", re.IGNORECASE)


def ends_with_contact_page(document: EasyReadDocument) -> bool:
    """Whether the document's last section is the "How to contact us" section gathered here."""
    return bool(document.sections) and document.sections[-1].heading == CONTACT_HEADING


def is_contact_section(heading: str) -> bool:
    """Whether a heading says its section is about contacting the sender ("Contact us", "Further information")."""
    return _CONTACT_SECTION.search(heading or "") is not None


def contact_facts(item: Item, *, in_contact_section: bool = False, blocks: list[Block] | None = None) -> list[Fact]:
    """The facts of `item` that are the sender's ways to be contacted, by the rules in the module docstring."""
    blocks = blocks or []
    sender = in_contact_section or any(block.role in SENDER_ROLES for block in blocks)
    in_table = any(block.kind == "table_row" for block in blocks)
    facts = extract_facts(item.sentence)
    chosen: list[Fact] = []
    offered = sender or _OFFERS_CONTACT.search(item.sentence) is not None or _only_details(item.sentence, facts)
    for fact in facts:
        if fact.kind in ("phone", "email"):
            if (not in_table or sender) and offered:
                chosen.append(fact)
        elif fact.kind == "postcode":
            if not in_table and (sender or _OFFERS_ADDRESS.search(item.sentence) or _OWN_ADDRESS.search(item.sentence)
                                 or _organisation_address(item.sentence)):
                chosen.append(fact)
        elif fact.kind == "url":
            if sender or _OFFERS_WEBSITE.search(item.sentence):
                chosen.append(fact)
    if (sender or any(fact.kind in ("phone", "email") for fact in chosen)) and _OPENING_HOURS.search(item.sentence):
        chosen += [fact for fact in facts if fact.kind == "time"]
    return chosen


def _organisation_address(sentence: str) -> bool:
    """An address block that names an office of an organisation ("Democratic Services, Northbrook
    Borough Council, Civic Centre, NB1 4AA"): short comma-separated parts, no sentence in it."""
    parts = [part.strip() for part in sentence.rstrip(".").split(",")]
    return (len(parts) >= 3 and all(len(part.split()) <= 6 for part in parts)
            and _ORGANISATION.search(sentence) is not None)


def _words_only(sentence: str, facts: list[Fact] | None = None) -> str:
    """The sentence without its web addresses, emails and other facts (`facts`, found when not given):
    "contact-us" in an address is not "us"."""
    for fact in extract_facts(sentence) if facts is None else facts:
        sentence = sentence.replace(fact.text, " ")
    return sentence


def _only_details(sentence: str, facts: list[Fact]) -> bool:
    """Whether a sentence is nothing but contact details and a label or two ("01632 960 771")."""
    return len(re.findall(r"[A-Za-z]{2,}", _words_only(sentence, facts))) <= 2


def with_contact_page(document: EasyReadDocument, source: SourceDocument | None = None) -> EasyReadDocument:
    """`document` with a last "How to contact us" section holding copies of the items that carry the
    sender's contact details not already in a section about contacting; `document` itself when there
    are none. `source` (the prepared source) tells table rows and the sender's own lines apart."""
    block_at = {block.location: block for block in source.blocks()} if source is not None else {}
    has_contact_section = any(is_contact_section(section.heading) for section in document.sections)
    already: set[str] = set()
    candidates: list[tuple[int, int, Item, set[str]]] = []  # (priority, order, item, fact keys)
    order = 0
    for section in document.sections:
        contact_section = is_contact_section(section.heading)
        for item in section.items:
            blocks = [block_at[location] for location in item.source if location in block_at]
            keys = {fact.key for fact in contact_facts(item, in_contact_section=contact_section, blocks=blocks)}
            if contact_section:
                already |= keys
            elif keys:
                sender = any(block.role in SENDER_ROLES for block in blocks)
                if has_contact_section and not sender and not _FIRST_PERSON.search(_words_only(item.sentence)):
                    continue  # the sender's details are in that section; this one is another body's
                candidates.append((0 if sender else 1, order, item, keys))
            order += 1
    chosen: list[tuple[int, Item]] = []
    gathered = set(already)
    for _, position, item, keys in sorted(candidates, key=lambda c: (c[0], len(c[2].sentence), c[1])):
        if keys - gathered:
            gathered |= keys
            chosen.append((position, item))
    if not chosen:
        return document
    copies = [replace(item, hard_words=list(item.hard_words), flags=list(item.flags), source=list(item.source))
              for _, item in sorted(chosen, key=lambda pair: pair[0])]
    return replace(document, sections=[*document.sections, EasySection(CONTACT_HEADING, copies)])
