"""Letter furniture: the parts of a letter that frame it but tell the reader nothing to act on.

In a letter, the recipient's own name and address, the greeting ("Dear Ms Whitcombe,"), the
sign-off ("Yours sincerely,") and the signature (the signer's name and job title) are furniture.
Easy Read leaves them out (UK Department of Health, *Making written information easier to
understand*, 2010: say only what the reader needs), but never silently: each is set aside in the
source ledger with its reason. The recipient's address is never a contact detail, so the "How to
contact us" page never gathers it.

The sender's own details (the letterhead before the recipient's address, contact lines in the
signature) are content, marked with the role "sender" so the contact page knows whose they are.

A greeting that opens a paragraph ("Dear Resident, we are writing to ...") is taken off and the
rest of the paragraph kept as a plain opening ("We are writing to ..."); the ledger holds the
greeting with its own reason. A greeting set as a heading is set aside and the section keeps no
heading. A sign-off with the signer's name on the same line ("Kind regards, Ann Lee"), in a table
row, or in a thanks form ("Many thanks,") is furniture too; a line after a sign-off that holds a
fact (an address with a postcode, a phone number) is never set aside: it is the sender's.

A document with no greeting and no sign-off is not treated as a letter: nothing is set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from easyread.language.facts import CONTACT_KINDS, extract_facts, has_fact
from easyread.language.sentences import word_count
from easyread.model import Block, SetAside, SourceDocument

GREETING = "letter furniture: greeting"
SIGN_OFF = "letter furniture: sign-off"
SIGNATURE = "letter furniture: signature"
RECIPIENT = "letter furniture: the recipient's name and address"
SIGN_OFF_AND_SIGNATURE = "letter furniture: sign-off and signature"
OPENING = "letter furniture: greeting (the rest of its paragraph is kept as a plain opening)"

_GREETING = re.compile(r"^(?:dear|to whom it may concern|hello|hi|good\s+(?:morning|afternoon|evening))(?![\w-])",
                       re.IGNORECASE)
_SIGN_OFF_WORDS = (r"(?:yours\s+(?:sincerely|faithfully|truly|ever)|(?:with\s+)?(?:kind|kindest|best|warm|warmest|many)\s+"
                   r"(?:regards|wishes)|regards|yours)")
_SIGN_OFF = re.compile(r"^" + _SIGN_OFF_WORDS + r"[,.!]?$", re.IGNORECASE)
# "Yours sincerely, Ann Lee" (a table row without a header is joined the same way): the tail is a name
_SIGN_OFF_WITH_NAME = re.compile(r"^" + _SIGN_OFF_WORDS + r"\s*[,|]\s*(?P<name>[^,|].*?)\.?$", re.IGNORECASE)
# Thanks and "Best," close a letter only at its end: "Thank you." as a sentence is content
_THANKS_SIGN_OFF = re.compile(r"^(?:(?:with\s+)?(?:many\s+)?thanks(?:\s+again)?|thank\s+you|best|all\s+the\s+best|take\s+care)"
                              r"\s*,?$", re.IGNORECASE)
_NAME_JOINERS = frozenset({"and", "or", "&", "/", "all", "everyone", "the"})
_ENCLOSURE = re.compile(r"^(?:enc|encs|encl|enclosure|enclosures|pp|p\.p\.|cc)\b[.:]?", re.IGNORECASE)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b")
_PERSON_TITLE = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof|rev|sir|dame|lady|lord|the\s+(?:occupier|resident|owner))\b",
                           re.IGNORECASE)
LETTERHEAD_KINDS = CONTACT_KINDS - {"postcode"}  # a postcode alone is a line of an address, not a contact line
MAX_GREETING_WORDS = 8
MAX_ADDRESS_LINE_WORDS = 8
MAX_ADDRESS_LINES = 8
MAX_SIGNATURE_LINES = 5


@dataclass(frozen=True)
class _Place:
    section: int
    index: int
    block: Block


def set_aside_letter_furniture(source: SourceDocument) -> SourceDocument:
    """`source` with its letter furniture moved from the sections to `set_aside`, and the sender's
    letterhead and contact lines marked with the role "sender". Nothing else changes."""
    source = _without_greeting_headings(source)
    places = [_Place(s, i, block) for s, section in enumerate(source.sections) for i, block in enumerate(section.blocks)]
    greeting = next((n for n, place in enumerate(places)
                     if _is_greeting(place.block) or _opening_greeting(place.block)), None)
    after_greeting = 0 if greeting is None else greeting + 1
    sign_off = next((n for n in [*range(after_greeting, len(places)), *range(after_greeting)]
                     if _is_sign_off(places, n)), None)  # the first after the greeting, else any
    if greeting is None and sign_off is None:
        return source
    reasons: dict[int, str] = {}
    senders: set[int] = set()
    if greeting is not None:
        reasons[greeting] = GREETING if _is_greeting(places[greeting].block) else OPENING
        recipient = _recipient_lines(places, greeting)
        reasons.update({n: RECIPIENT for n in recipient})
        if recipient:
            senders.update(n for n in range(min(recipient)) if _is_letterhead_line(places[n].block))
    if sign_off is not None:
        reasons[sign_off] = SIGN_OFF_AND_SIGNATURE if _signed_name(places[sign_off].block) else SIGN_OFF
        for n in range(sign_off + 1, min(len(places), sign_off + 1 + MAX_SIGNATURE_LINES)):
            block = places[n].block
            if _has_fact(block):
                senders.add(n)  # an address with a postcode, a phone number: the sender's, never set aside
            elif n not in reasons and (_is_signature_line(block) or _ENCLOSURE.match(block.text)):
                reasons[n] = SIGNATURE
            else:
                break
    return _apply(source, places, reasons, senders)


def _apply(source: SourceDocument, places: list[_Place], reasons: dict[int, str], senders: set[int]) -> SourceDocument:
    sections = [replace(section, blocks=list(section.blocks)) for section in source.sections]
    set_aside = list(source.set_aside)
    for n in sorted(reasons, reverse=True):
        place = places[n]
        opening = _opening_greeting(place.block) if reasons[n] == OPENING else None
        if opening is not None:
            sections[place.section].blocks[place.index] = replace(place.block, text=opening[1])
        else:
            del sections[place.section].blocks[place.index]
    for n in sorted(reasons):
        block = places[n].block
        if reasons[n] == OPENING:
            set_aside.append(SetAside(f"{block.location} (its greeting)", _opening_greeting(block)[0], OPENING))  # type: ignore[index]
        else:
            set_aside.append(SetAside(block.location, block.text, reasons[n]))
    for n in senders - set(reasons):
        place = places[n]
        blocks = sections[place.section].blocks
        position = blocks.index(place.block)
        blocks[position] = replace(place.block, role=place.block.role or "sender")
    return replace(source, sections=sections, set_aside=set_aside)


def _without_greeting_headings(source: SourceDocument) -> SourceDocument:
    """`source` with a greeting set as a section heading ("Dear Resident" in bold over a leaflet's
    text) set aside, and a sign-off read as one ("Yours faithfully" on a line of its own in a text
    file); that section keeps no heading. A greeting that is the title is left alone; a sign-off
    that is the title stops being it (a letter is never called "Yours faithfully")."""
    found = [(index, GREETING if is_greeting(section.heading) else SIGN_OFF)
             for index, section in enumerate(source.sections)
             if section.heading and (
                 (section.heading_location != source.title_location and is_greeting(section.heading))
                 or _SIGN_OFF.match(section.heading.strip()))]
    if not found:
        return source
    sections = list(source.sections)
    set_aside = list(source.set_aside)
    title, title_location = source.title, source.title_location
    for index, reason in found:
        section = sections[index]
        set_aside.append(SetAside(section.heading_location, section.heading, reason))
        if section.heading_location == title_location:
            title, title_location = "", ""
        sections[index] = replace(section, heading="", heading_location="")
    return replace(source, sections=sections, set_aside=set_aside, title=title, title_location=title_location)


def _is_greeting(block: Block) -> bool:
    return block.kind == "paragraph" and is_greeting(block.text)


def is_greeting(text: str) -> bool:
    """Whether `text` is a whole greeting: "Dear Ms Reid,", "Dear Mr and Mrs Okafor.", "Hello everyone,".
    A full stop ends a greeting only after a name ("Dear Mr and Mrs Okafor."), not after a sentence."""
    text = text.strip()
    return (_GREETING.match(text) is not None
            and word_count(text) <= MAX_GREETING_WORDS and not text.endswith(("?", "!")) and not has_fact(text, CONTACT_KINDS)
            and (text.endswith((",", ":")) or not text.endswith(".") or word_count(text) <= 4 or _is_name_like(text)))


def _is_name_like(greeting: str) -> bool:
    """ "Dear Mr and Mrs Okafor.": after the greeting word, only capitalised words and joiners."""
    words = re.findall(r"[\w'&/-]+", greeting)[1:]
    return bool(words) and all(word[0].isupper() or word.lower() in _NAME_JOINERS for word in words)


def _opening_greeting(block: Block) -> tuple[str, str] | None:
    """(greeting, the rest) for a paragraph that opens with a greeting and goes on with a sentence:
    "Dear Resident, we are writing ..." -> ("Dear Resident,", "We are writing ..."); else None."""
    if block.kind != "paragraph":
        return None
    head, comma, rest = block.text.strip().partition(",")
    rest = re.sub(r"^and\s+", "", rest.strip(), flags=re.IGNORECASE)  # "Hello, and welcome to ..."
    if not comma or word_count(rest) < 3 or not is_greeting(head + comma):
        return None
    return head + comma, rest[:1].upper() + rest[1:]


def _is_sign_off(places: list[_Place], n: int) -> bool:
    block = places[n].block
    if block.kind not in ("paragraph", "table_row"):
        return False
    text = block.text.strip()
    if _SIGN_OFF.match(text) or _signed_name(block) is not None:
        return True
    return _THANKS_SIGN_OFF.match(text) is not None and all(
        _is_signature_line(place.block) or _has_fact(place.block) for place in places[n + 1:]) \
        and len(places) - n - 1 <= MAX_SIGNATURE_LINES


def _signed_name(block: Block) -> str | None:
    """The signer's name on the sign-off's own line ("Kind regards, Ann Lee, Waste Officer"), if any."""
    match = _SIGN_OFF_WITH_NAME.match(block.text.strip())
    if match is None:
        return None
    name = match.group("name")
    if word_count(name) > MAX_ADDRESS_LINE_WORDS or ":" in name or re.search(r"[.!?;]\s", name) or extract_facts(name):
        return None
    return name


def _is_signature_line(block: Block) -> bool:
    """A line of a signature: a name or a job title, in a paragraph or a table row, with no fact in it."""
    text = block.text.strip()
    return (block.kind in ("paragraph", "table_row") and 0 < word_count(text) <= MAX_ADDRESS_LINE_WORDS
            and not text.endswith(("!", "?", ";")) and not re.search(r"[.!?;]\s", text) and ":" not in text
            and not extract_facts(text))


def _has_fact(block: Block) -> bool:
    return bool(extract_facts(block.text))


def _is_short_line(block: Block) -> bool:
    """A line of an address or a signature: short, no sentence in it, no label ("Band: C")."""
    text = block.text.strip()
    return (block.kind == "paragraph" and 0 < word_count(text) <= MAX_ADDRESS_LINE_WORDS
            and not text.endswith((".", "!", "?", ";")) and ":" not in text)


def _has_contact(block: Block) -> bool:
    return has_fact(block.text, LETTERHEAD_KINDS)


def _is_letterhead_line(block: Block) -> bool:
    return _is_short_line(block) or _has_contact(block)


def _is_labelled_or_date(block: Block) -> bool:
    """Lines between the address and the greeting that are content: "Our ref: ...", "9 March 2026"."""
    text = block.text.strip()
    if ":" in text and word_count(text) <= 12:
        return True
    facts = extract_facts(text)
    return bool(facts) and all(fact.kind == "date" for fact in facts) and word_count(text) <= 5


def _recipient_lines(places: list[_Place], greeting: int) -> list[int]:
    """Positions of the recipient's name-and-address lines: the short lines just before the greeting
    (labelled lines and the date in between are skipped), ending with a postcode or starting with a
    title such as "Ms". Lines before an earlier postcode belong to the sender's letterhead."""
    n = greeting - 1
    while n >= 0 and _is_labelled_or_date(places[n].block):  # "15 January 2026" is content, however short
        n -= 1
    run: list[int] = []
    while n >= 0 and len(run) < MAX_ADDRESS_LINES and _is_short_line(places[n].block) \
            and not _has_contact(places[n].block):
        run.insert(0, n)
        n -= 1
    postcodes = [m for m in run if _POSTCODE.search(places[m].block.text)]
    if len(postcodes) >= 2:  # two addresses run together: the recipient's is the last one
        run = [m for m in run if m > postcodes[-2]]
    if not run:
        return []
    has_postcode = any(_POSTCODE.search(places[m].block.text) for m in run)
    named = _PERSON_TITLE.match(places[run[0]].block.text.strip()) is not None
    # a named address with its postcode may be one line ("Mrs J Smith 14 Elm Road Riverton RV4 8PL")
    return run if (has_postcode and len(run) >= 2) or (named and (len(run) >= 3 or has_postcode)) else []


def is_letter(source: SourceDocument) -> bool:
    """Whether `source` (after `set_aside_letter_furniture`) is a letter: some furniture was set aside."""
    return any(part.reason.startswith("letter furniture") for part in source.set_aside)


def sender_name(source: SourceDocument) -> tuple[str, str]:
    """(name, location) of who a letter is from, in its own words: the first organisation name in
    its letterhead (a block marked "sender": "Northbrook Borough Council"), else in its signature
    ("Head of Revenues, Northbrook Borough Council" set aside as furniture); ("", "") when neither
    names one. Never the signer's own name: a reader needs the organisation, and the recipient's
    lines are never used."""
    from easyread.title_choice import is_banner

    for block in source.blocks():
        if block.role == "sender" and is_banner(block.text) and not extract_facts(block.text):
            return " ".join(block.text.split()), block.location
    for part in source.set_aside:
        if part.reason in (SIGNATURE, SIGN_OFF_AND_SIGNATURE):
            for piece in reversed(re.split(r"[,/|]", part.text)):  # "Council / Cyngor Sir": each language
                if is_banner(piece) and not extract_facts(piece):
                    return " ".join(piece.split()), part.location
    return "", ""
