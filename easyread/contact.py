"""Gather the contact details of a document (phone numbers, emails, postal addresses) on its last page.

Easy Read ends with how to get in touch. The items that carry a phone number, an email address or
a postcode are copied, in order and each once, into a last section "How to contact us", unless the
document already ends with just those items.
"""

from __future__ import annotations

from dataclasses import replace

from easyread.language.facts import extract_facts
from easyread.model import EasyReadDocument, EasySection, Item

CONTACT_HEADING = "How to contact us"
CONTACT_KINDS = frozenset({"phone", "email", "postcode"})


def ends_with_contact_page(document: EasyReadDocument) -> bool:
    """Whether the document's last section is the "How to contact us" section gathered here."""
    return bool(document.sections) and document.sections[-1].heading == CONTACT_HEADING


def is_contact_item(item: Item) -> bool:
    return any(fact.kind in CONTACT_KINDS for fact in extract_facts(item.sentence))


def with_contact_page(document: EasyReadDocument) -> EasyReadDocument:
    """`document` with a last "How to contact us" section when it has contact details."""
    contacts: list[Item] = []
    seen: set[str] = set()
    for item in document.items():
        key = " ".join(item.sentence.split()).casefold()
        if key not in seen and is_contact_item(item):
            seen.add(key)
            contacts.append(replace(item, hard_words=list(item.hard_words), flags=list(item.flags)))
    if not contacts:
        return document
    last = document.sections[-1] if document.sections else None
    if last is not None and [i.sentence for i in last.items] == [i.sentence for i in contacts]:
        return document  # the source already ends with its contact details
    return replace(document, sections=[*document.sections, EasySection(CONTACT_HEADING, contacts)])
