"""Convert one document: read -> simplify each section -> gather hard words -> check facts -> lay out.

Everything the CLI's `convert` does is here, callable from Python; the CLI only parses options
and prints. The outputs of one document are written all or nothing (`render_outputs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from easyread.atomic import atomic_group, output_errors
from easyread.backends import DEFAULT_BACKEND, get_backend
from easyread.backends.base import Backend, BatchBackend
from easyread.checks.metrics import Metrics, measure_units
from easyread.contact import with_contact_page
from easyread.errors import EasyReadError, UsageError
from easyread.fidelity import MissingFact, missing_by_block, source_fact_text
from easyread.language.clock import write_times
from easyread.language.facts import extract_facts
from easyread.language.headings import without_heading_number
from easyread.language.protect import has_content
from easyread.ledger import build_ledger
from easyread.model import EasyReadDocument, EasySection, HardWord, SourceDocument
from easyread.not_english import flag_not_english, foreign_blocks, languages_found
from easyread.outputs import DEFAULT_FORMATS, output_base, output_paths, parse_formats, render
from easyread.ownership import check_targets
from easyread.pictures.image_clients import GENERATE
from easyread.prepare import prepare_source, remove_emoji
from easyread.readers import DEFAULT_MAX_BYTES
from easyread.readers.common import NO_WORDS

if TYPE_CHECKING:
    from easyread.backends.llm import Fallback, Kept
    from easyread.backends.picture_pick import PickReport
    from easyread.backends.usage import Estimate, TokenUsage
    from easyread.pictures.choose import Chooser
    from easyread.pictures.image_clients import ImageSettings

DEFAULT_FIRST_HEADING = "What is this about?"
DEFAULT_TITLE = "Easy Read version"  # a document with no title and no heading; never its file name
HEADING_OVER_SECTIONS = "a heading over the sections below it"
HEADING_OF_NOTHING = "a heading whose section gave no items"
EMOJI_FLAG = "emoji-removed"


@dataclass
class ConversionResult:
    """What a conversion made and what a person should look at."""

    source: SourceDocument
    document: EasyReadDocument
    output: Path
    pages: int | None  # pages of the PDF (or Word, HTML); None when no paged format was written
    missing_facts: list[MissingFact] = field(default_factory=list)  # facts not found where they belong
    scores_before: Metrics | None = None  # readability of the source
    scores_after: Metrics | None = None  # readability of the Easy Read version
    outputs: dict[str, Path] = field(default_factory=dict)  # every file written, by format
    backend: str = ""
    model: str | None = None  # for the LLM backends
    usage: TokenUsage | None = None  # tokens the LLM backends used for this document
    cost: float | None = None  # dollars, when the model's price is known
    fallbacks: list[Fallback] = field(default_factory=list)  # sections the rules backend converted instead
    kept: list[Kept] = field(default_factory=list)  # sections whose LLM answer was kept with items flagged
    not_english: dict[str, int] = field(default_factory=dict)  # {language: items flagged not-english}
    picture_pick: PickReport | None = None  # what an LLM backend's model did with the pictures

    @property
    def nothing_from_the_model(self) -> bool:
        """True when an LLM backend had sections to send and the rules backend converted every one
        of them instead (each fell back): the CLI then exits 1."""
        sent = sum(1 for section in self.source.sections if any(block.text.strip() for block in section.blocks))
        return self.usage is not None and sent > 0 and len(self.fallbacks) >= sent

    @property
    def flagged(self) -> dict[str, int]:
        """How many items carry each review flag, e.g. {"long-sentence": 2, "passive": 5}."""
        counts: dict[str, int] = {}
        for item in self.document.items():
            for flag in item.flags:
                counts[flag] = counts.get(flag, 0) + 1
        return counts


def glossary_of(sections: list[EasySection], planned: Iterable[HardWord] = ()) -> list[HardWord]:
    """Hard words with an explanation, each once, in the order they first appear; a word of the
    document's `planned` glossary keeps the plan's explanation (one explanation a document)."""
    explained = {hard.word.lower(): hard for hard in planned if hard.explanation}
    glossary: dict[str, HardWord] = {}
    for section in sections:
        for item in section.items:
            for hard in item.hard_words:
                if hard.explanation:
                    glossary.setdefault(hard.word.lower(), explained.get(hard.word.lower(), hard))
    return list(glossary.values())


def simplify_document(source: SourceDocument, backend: Backend, *, prepared: bool = False) -> EasyReadDocument:
    """The Easy Read version of `source`, section by section, before layout, with its source ledger.

    Letter furniture and repeats are set aside first (`prepare_source`; `prepared` says the caller
    has done that already). A heading with nothing under it that stands over the sections below
    ("9. Reviews" before "9.1 ...") starts no page of its own: it is in the ledger as such, or, if it
    holds a fact ("Conference, 12-13 June 2024"), it becomes the first item of the next section, so
    the fact is not lost.

    A backend with a planning step (`plan_document`, the LLM backends) plans the document first:
    its Easy Read title becomes the title, its "About this document" items the `opening`, and the
    plan is the context every section request carries.
    """
    from easyread.backends.rules import plain_heading
    from easyread.from_and_about import from_and_about
    from easyread.title_choice import choose_title, with_passed_over_title_kept

    source, touched = remove_emoji(source if prepared else prepare_source(source))
    choice = choose_title(source)  # the document's own line that names it: never a banner or the file name
    planner = getattr(backend, "plan_document", None)
    if planner is None:  # a title passed over is said as an item (an LLM's plan words its own title)
        source = with_passed_over_title_kept(source, choice)
    sections: list[EasySection] = []
    carried: list[tuple[str, str]] = []  # (heading, location) of headings with a fact, still to place
    notes: dict[str, str] = {}
    plan = planner(source) if planner is not None else None
    if plan is not None:
        simplified = backend.simplify_all(list(source.sections), context=plan)  # type: ignore[attr-defined]
    elif isinstance(backend, BatchBackend):
        simplified = backend.simplify_all(list(source.sections))
    else:
        simplified = [backend.simplify(section) for section in source.sections]
    for index, easy in enumerate(simplified):
        section = source.sections[index]
        if not easy.heading:
            easy.heading = DEFAULT_FIRST_HEADING if index == 0 else (sections[-1].heading if sections else "")
        if not easy.items:
            if section.heading and extract_facts(without_heading_number(section.heading)):
                carried.append((section.heading, section.heading_location))
            elif section.heading and not section.blocks:
                notes[section.heading_location] = HEADING_OVER_SECTIONS
            elif section.heading:
                notes[section.heading_location] = HEADING_OF_NOTHING
            continue
        easy.items[:0] = [_heading_item(heading, location) for heading, location in carried]
        carried.clear()
        _flag_emoji(easy, section.heading_location, touched)
        sections.append(easy)
    if carried and sections:
        sections[-1].items += [_heading_item(heading, location) for heading, location in carried]
    flag_not_english(sections, foreign_blocks(source))
    notes.update({block.location: NO_WORDS for block in source.blocks() if not has_content(block.text)})
    title = (plan.title if plan is not None else "") or (plain_heading(choice.title) if choice.title else "")
    # an LLM's plan writes the opening (none when its plan failed: the CLI warns); the rules backend's
    # says who the document is from and what a letter is about, in the document's own words
    opening = list(plan.opening) if plan is not None else from_and_about(source, choice, title)
    document = EasyReadDocument(
        title=title or DEFAULT_TITLE,
        source_name=source.path.name,
        sections=sections,
        glossary=glossary_of([EasySection("", opening), *sections], plan.glossary if plan is not None else ()),
        source_facts=[(fact.kind, fact.text) for fact in extract_facts(source_fact_text(source))],
        opening=opening,
    )
    with_contacts = with_contact_page(document, source)
    write_times(with_contacts)  # "18:30" -> "6:30pm" in every backend's items (language.clock)
    with_contacts.ledger = build_ledger(source, with_contacts, notes,
                                        contact_page=len(with_contacts.sections) > len(document.sections))
    return with_contacts


def _flag_emoji(easy: EasySection, heading_location: str, touched: set[str]) -> None:
    """Flag "emoji-removed" on each item made from a block that lost emoji, and on the first item
    when the section's heading did, so a person checks nothing was meant by them."""
    for index, item in enumerate(easy.items):
        if set(item.source) & touched or (index == 0 and heading_location in touched):
            item.flags.append(EMOJI_FLAG)


def _heading_item(heading: str, location: str):  # type: ignore[no-untyped-def]
    from easyread.backends.rules import RulesBackend, plain_heading

    item = RulesBackend.make_item(plain_heading(heading).rstrip(".") + ".")
    item.source = [location] if location else []
    return item


def render_outputs(document: EasyReadDocument, paths: dict[str, Path], pictures: str | None = None, *,
                   inputs: Iterable[Path] = (), force: bool = False,
                   role: str = "the document being converted", chooser: Chooser | None = None,
                   images: ImageSettings | None = None) -> dict[str, int]:
    """Write `document` in each format of `paths` ({format: path}), all or nothing; returns
    {format: pages written}.

    No path may be one of `inputs` (the files this run reads), and an existing file is replaced only
    if easyread made it or `force` is set (easyread.ownership; `role` names an input in the refusal).
    Every format is written to a temporary file first and all are renamed only when each has
    succeeded (easyread.atomic.atomic_group): a failure or Ctrl-C leaves nothing of this call.
    With `pictures` ("openmoji" or a folder), items without a picture get one first (from each item's
    short list by `chooser`, an LLM backend's model, when given: pictures/choose.py); with
    "generate", one drawn by the image API of `images` (easyread.pictures.generate). The laid-out
    formats start with the "About this document" opening (layout/opening.py); the plan keeps it apart.
    Raises UsageError or OutputError (exit 2) for a path we may not or cannot write.
    """
    from easyread.layout.opening import with_opening_shown

    check_targets(paths.values(), inputs, force=force, role=role)
    shown = with_opening_shown(document)  # the opening first, for every format but the plan
    if pictures == GENERATE:
        from easyread.pictures.generate import generate_pictures

        if images is None:
            raise UsageError(None, "--pictures generate needs an image API (--image-api)")
        generate_pictures(shown, images)
    elif pictures:
        from easyread.pictures.choose import add_pictures

        add_pictures(shown, pictures, chooser)
        document.title_picture_file = shown.title_picture_file  # the items and credits are shared already
    if "pdf" in paths:
        from easyread.layout.coverage import check_pdf_can_show

        check_pdf_can_show(shown, paths["pdf"])  # before any format is written
    written: dict[str, int] = {}
    with atomic_group(paths) as staged:
        for name, path in paths.items():
            with output_errors(path):
                written[name] = render(document if name == "json" else shown, name, staged[name])
    return written


def convert(
    source_path: Path,
    output: Path | None = None,
    *,
    backend: str | Backend = DEFAULT_BACKEND,
    max_bytes: int = DEFAULT_MAX_BYTES,
    formats: str | tuple[str, ...] = DEFAULT_FORMATS,
    pictures: str | None = None,
    force: bool = False,
    images: ImageSettings | None = None,
) -> ConversionResult:
    """Convert the document at `source_path` to Easy Read in each of `formats` and say what happened.

    `output` is a file (its extension one of the formats'), a folder, or None for beside the source.
    The outputs are written all or nothing, never over the source, and over an existing file only
    if easyread made it or `force` is set (see `render_outputs`); that is checked again before
    anything is read, so a refusal costs nothing.
    """
    from easyread.readers import read_source

    source_path = Path(source_path)
    formats = parse_formats(formats) if isinstance(formats, str) else formats
    paths = output_paths(output_base(source_path, output, formats), formats)
    check_targets(paths.values(), [source_path], force=force)
    source = prepare_source(read_source(source_path, max_bytes=max_bytes))
    chosen = get_backend(backend) if isinstance(backend, str) else backend
    document = simplify_document(source, chosen, prepared=True)
    missing = missing_by_block(source, document)
    not_english = languages_found(document, source)
    from easyread.backends.picture_pick import chooser_for

    chooser = chooser_for(chosen) if pictures and pictures != GENERATE else None
    written = render_outputs(document, paths, pictures, inputs=[source_path], force=force, chooser=chooser,
                             images=images)
    target = paths[formats[0]]
    paged = [name for name in ("pdf", "docx", "html") if name in written]  # the formats that have pages
    pages = written[paged[0]] if paged else None
    return ConversionResult(
        source=source, document=document, output=target, pages=pages, missing_facts=missing, outputs=paths,
        scores_before=measure_units(block.text for block in source.blocks()),
        scores_after=measure_units(item.sentence for item in [*document.opening, *document.items()]),
        backend=chosen.name, model=getattr(chosen, "model", None), usage=getattr(chosen, "usage", None),
        cost=getattr(chosen, "cost", None), fallbacks=list(getattr(chosen, "fallbacks", [])),
        kept=list(getattr(chosen, "kept", [])),
        not_english=not_english, picture_pick=chooser.report if chooser is not None else None,
    )


def estimate(source_paths: list[Path], *, backend: str, options: dict[str, Any] | None = None,
             max_bytes: int = DEFAULT_MAX_BYTES, pictures: str | None = None
             ) -> list[tuple[Path, Estimate | EasyReadError]]:
    """What converting each document with an LLM backend would cost, without sending anything; a
    document that cannot be read is given with its error instead. With `pictures`, the requests in
    which the model chooses the pictures are counted too (backends/picture_pick.estimate_pick)."""
    from easyread.backends import LLM_BACKENDS
    from easyread.readers import read_source

    if backend not in LLM_BACKENDS:
        raise UsageError(None, f"--dry-run estimates the cost of an LLM backend ({', '.join(LLM_BACKENDS)}); "
                               f"'{backend}' makes no requests")
    chosen = get_backend(backend, **{**(options or {}), "dry_run": True})
    estimates: list[tuple[Path, Estimate | EasyReadError]] = []
    for path in source_paths:
        try:
            source = prepare_source(read_source(Path(path), max_bytes=max_bytes))
        except EasyReadError as error:
            estimates.append((Path(path), error))
            continue
        guess = chosen.estimate(source.sections, title=source.title)  # type: ignore[attr-defined]
        if pictures:
            from easyread.backends.picture_pick import estimate_pick
            from easyread.backends.usage import total_estimate

            guess = total_estimate([guess, estimate_pick(chosen, source.sections)])  # type: ignore[arg-type]
        estimates.append((Path(path), guess))
    return estimates
