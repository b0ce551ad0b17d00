"""Choose the Easy Read title of a document from its own words, never from its file name.

A reader's title is the line the source shows as its title (see `readers.common.SectionBuilder`).
Often that line is not what the document is called:

* a banner: the name of whoever wrote it ("NORTHBROOK BOROUGH COUNCIL" over a notice of meeting),
  which says who it is from, not what it is;
* a fragment of a longer line ("Election of a Borough Councillor for", "To be held at the Hotel");
* a numbered section heading ("1. Qualification") standing in for a title the document lacks;
* a web page's own line ("Skip to main content", "We use cookies on this site").

Then the title is the first line near the start that names the document ("Public notice of
meeting", "Complaints procedure adopted by council 20 August 2018", "Re: your bin collection"), or
the fragment without its dangling word. Only the document's own words are used, so no fact is
invented; the banner is not lost: `from_and_about` says who the document is from. Easy Read guides
ask for a title that says what the document is about (Mencap, *Make it clear*; Department of Health,
*Making written information easier to understand*, 2010).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from easyread.data import data_words
from easyread.language.facts import CONTACT_KINDS, extract_facts, has_fact
from easyread.language.headings import section_number
from easyread.model import SourceDocument

MAX_TITLE_WORDS = 16  # a longer line is a sentence of the text, not the name of the document
MAX_LINE_WORDS = 10  # a line of the text (not a heading) longer than this is a sentence without its full stop
MAX_BANNER_WORDS = 8
LOOK_AT_SECTIONS = 3  # a title is near the start: the headings and first lines of this many sections
LOOK_AT_BLOCKS = 3
_ORGANISATION = re.compile(
    r"^(?:the\s+)?[\w'&.,\- ]*?\b(?:council|authority|trust|commission|service|services|department|"
    r"office|agency|partnership|association|board|executive|government|nhs|police)$", re.IGNORECASE)
_DANGLING = re.compile(r"(?:\s+(?:for|of|to|and|or|the|a|an|at|in|on|by|with|from|that|is|are))+\s*[:,;\-–]?$|"
                       r"\s*[:,;\-–]$", re.IGNORECASE)
_CONTINUATION = re.compile(r"^(?:to\s+be\s+held|held\s+at|at|on|and|or|from|in|with|by)\b", re.IGNORECASE)
_BANNER_PREFIX = re.compile(r"^(?P<banner>[^:–-]+?)\s*(?::|\s[-–]\s)\s*(?P<rest>.+)$")
# a web page's own lines (navigation, cookie banners), never what the page is called
_WEB_CHROME = re.compile(r"^(?:skip\s+to\b|jump\s+to\b|cookies?\b|we\s+use\s+cookies|accept\s+(?:all\s+)?cookies|"
                         r"menu\b|main\s+menu|navigation\b|search\b|you\s+are\s+here|back\s+to\s+top|sign\s+in\b|"
                         r"log\s+in\b|home\s*(?:[>/|»]|$))", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:re|subject|about)\s*:\s*(?P<subject>.+)$", re.IGNORECASE)
_PAGE_HEADER = "page header"  # the start of a reader's reason for a set-aside page header line


@dataclass(frozen=True)
class TitleChoice:
    """The chosen title (as written in the source, "" for none), where it is in the source, and the
    banner it replaced ("" if none; the banner is at the source's `title_location`)."""

    title: str
    location: str = ""
    banner: str = ""


def choose_title(source: SourceDocument) -> TitleChoice:
    """The Easy Read title of `source`, from its own lines (see the module docstring).

    The reader's title is kept when it names the document; a banner or a numbered heading is passed
    over for the first line near the start that does (a heading, a short line, a "Re:" line, a page
    header such as "PUBLIC NOTICE"); a fragment loses its dangling word. Returns the line as written
    (the caller puts it in plain words) and, when a banner was passed over, the banner.
    """
    title = " ".join(source.title.split())
    banner = title if is_banner(title) else ""
    prefix = _BANNER_PREFIX.match(title)
    if prefix and is_banner(prefix.group("banner")) and names_the_document(prefix.group("rest")):
        return TitleChoice(prefix.group("rest"), source.title_location, prefix.group("banner"))  # "COUNCIL - IMPORTANT NOTICE: ..."
    signed = _sign_off_place(source)
    if title and _after(source.title_location, signed):
        title = ""  # a letter's signer ("Jo Bloggs" under "Yours sincerely,") read as a heading
    if title and not banner and not _is_numbered(title) and not _WEB_CHROME.match(title):
        if not is_fragment(title):
            return TitleChoice(_subject(title), source.title_location)
        trimmed = without_dangling_words(title)
        if len(trimmed.split()) >= 2 and not _CONTINUATION.match(trimmed):
            return TitleChoice(trimmed, source.title_location)
    for line, location, is_heading in _candidates(source):
        if names_the_document(line) and (is_heading or _plain_line(line)) and not _after(location, signed):
            return TitleChoice(_subject(line), location, banner)
    return TitleChoice(title, source.title_location)  # nothing better: the reader's own title, banner or not


def _candidates(source: SourceDocument) -> list[tuple[str, str, bool]]:
    """(line, location, is a heading) for the lines near the start a title may be, in order: each early
    section's heading and first lines (letterhead, headers and footers left out), then the page
    headers set aside."""
    lines: list[tuple[str, str, bool]] = []
    for section in source.sections[:LOOK_AT_SECTIONS]:
        blocks = [(block.text, block.location, False) for block in section.blocks[:LOOK_AT_BLOCKS]
                  if block.kind == "paragraph" and not block.role]
        # a short line before a section's heading in the source ("PUBLIC NOTICE OF MEETING" over
        # "CABINET") is the section's first block: it comes first
        lines += blocks[:1]
        if section.heading and section.heading_location != source.title_location:
            lines.append((section.heading, section.heading_location, True))
        lines += blocks[1:]
    lines += [(part.text, part.location, True) for part in source.set_aside if part.reason.startswith(_PAGE_HEADER)]
    return [(" ".join(line.split()), location, is_heading) for line, location, is_heading in lines]


def _sign_off_place(source: SourceDocument) -> str:
    """The location of a letter's sign-off ("Yours sincerely,"), or "" for a document without one."""
    from easyread.letters import SIGN_OFF, SIGN_OFF_AND_SIGNATURE

    return next((part.location for part in source.set_aside if part.reason in (SIGN_OFF, SIGN_OFF_AND_SIGNATURE)), "")


def _after(location: str, place: str) -> bool:
    """Whether `location` comes after `place` in the source, when both are counted the same way
    ("line 7" after "line 5", "page 3 paragraph 2" after "page 2 paragraph 9"); False otherwise."""
    if not location or not place or re.sub(r"\d+", "#", location) != re.sub(r"\d+", "#", place):
        return False
    return [int(n) for n in re.findall(r"\d+", location)] > [int(n) for n in re.findall(r"\d+", place)]


def _plain_line(line: str) -> bool:
    """A line of the text (not a heading) may be a title when it is short and holds no fact but a
    date: "Town Hall, 1 High Street" is an address, "Ref 4001 2387" a reference."""
    return len(line.split()) <= MAX_LINE_WORDS and all(fact.kind == "date" for fact in extract_facts(line))


def names_the_document(line: str) -> bool:
    """Whether `line` can be a title: a short line, not a sentence, a banner, a fragment, a numbered
    heading, a contact line or a label ("Date of issue: ...") — except a "Re:" subject line."""
    subject = _SUBJECT.match(line)
    if subject:
        line = subject.group("subject").strip()
    words = line.split()
    if len(words) == 1:
        return line.lower().strip(":") in data_words("document_kinds.txt")  # "AGENDA", "Minutes"
    if not 2 <= len(words) <= MAX_TITLE_WORDS or not any(char.isalpha() for char in line):
        return False
    if line.endswith((".", "!", "?")) or line.startswith(("(", "•", "-")):
        return False
    if ":" in line and not subject and not _titled_label(line):
        return False
    return not (is_banner(line) or is_fragment(line) or _is_numbered(line) or has_fact(line, CONTACT_KINDS)
                or _WEB_CHROME.match(line))


def _titled_label(line: str) -> bool:
    """ "IMPORTANT NOTICE: CHANGES TO YOUR BIN DAY" names a document; "Date of issue: 9 March" is a
    label and its value: the part before the colon must name a kind of document."""
    label = line.split(":", 1)[0].lower().split()
    return bool(label) and label[-1] in data_words("document_kinds.txt")


def is_banner(line: str) -> bool:
    """Whether `line` only names an organisation: "Northbrook Borough Council", "NHS Northbrook
    Trust", "Revenues and Benefits Service" (at most 8 words, ending with the kind of body)."""
    line = " ".join(line.split()).rstrip(".")
    return 0 < len(line.split()) <= MAX_BANNER_WORDS and _ORGANISATION.match(line) is not None


def is_fragment(line: str) -> bool:
    """Whether `line` is part of a longer line: it ends with a dangling word or mark ("Election of a
    Borough Councillor for", "Notice is hereby given that:") or goes on from one before it ("To be
    held at the Hotel")."""
    return bool(_DANGLING.search(line)) or bool(_CONTINUATION.match(line))


def without_dangling_words(line: str) -> str:
    """`line` without its dangling words and marks: "Election of a Borough Councillor for" ->
    "Election of a Borough Councillor"."""
    return _DANGLING.sub("", line).strip()


def _is_numbered(line: str) -> bool:
    return bool(section_number(line).strip())


def _subject(line: str) -> str:
    subject = _SUBJECT.match(line)
    return subject.group("subject").strip() if subject else line


def with_passed_over_title_kept(source: SourceDocument, choice: TitleChoice) -> SourceDocument:
    """`source` with its reader's title made the first block of its first section when `choice`
    passed over it for another line ("To be held at Mill Hall" under "Drop in session"), so its
    words are still said: nothing lost. Unchanged when the title was chosen, is the banner the
    opening names ("This is from ..."), is also a section's heading, or came from the file's
    properties (no location: not text a reader saw)."""
    from dataclasses import replace

    from easyread.model import Block, Section

    location = source.title_location
    if (not source.title.strip() or not location or choice.location == location or choice.banner
            or any(section.heading_location == location for section in source.sections)):
        return source
    kept = Block("paragraph", source.title, location)
    sections = list(source.sections) or [Section("")]
    first = sections[0]
    place = sum(1 for block in first.blocks if _after(location, block.location))  # in its place in the source
    sections[0] = replace(first, blocks=[*first.blocks[:place], kept, *first.blocks[place:]])
    return replace(source, title="", title_location="", sections=sections)

