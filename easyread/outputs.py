"""The output formats (PDF, Word, HTML, Markdown, JSON plan): their names, file names and renderers.

`parse_formats("pdf,docx")` checks a `--format` value; `output_paths` says where each format of
one document goes; `render` writes one format. Each renderer is imported only when it is used, so
`easyread --help` stays light and a PDF-only run never loads python-docx.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from easyread.errors import UsageError
from easyread.model import EasyReadDocument

OUTPUT_STEM_SUFFIX = ".easyread"  # letter.docx -> letter.easyread.pdf, letter.easyread.docx, ...


@dataclass(frozen=True)
class OutputFormat:
    name: str
    extension: str
    renderer: str  # "module:function", called as function(document, path) -> pages
    description: str


FORMATS: dict[str, OutputFormat] = {
    spec.name: spec
    for spec in (
        OutputFormat("pdf", ".pdf", "easyread.layout.pdf:render_pdf", "PDF for printing and publishing"),
        OutputFormat("docx", ".docx", "easyread.layout.docx:render_docx", "Word, to edit and publish"),
        OutputFormat("html", ".html", "easyread.layout.html:render_html", "one web page, self-contained"),
        OutputFormat("md", ".md", "easyread.layout.markdown:render_markdown", "Markdown"),
        OutputFormat("json", ".json", "easyread.plan:write_plan", "the plan, to edit and render again"),
    )
}
DEFAULT_FORMATS = ("pdf",)
ALIASES = {"word": "docx", "markdown": "md", "plan": "json", "htm": "html"}
OUTPUT_SUFFIXES = tuple(OUTPUT_STEM_SUFFIX + spec.extension for spec in FORMATS.values())


def parse_formats(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """The formats named in `value` ("pdf,docx", or a list of such), in order, each once."""
    if value is None:
        return DEFAULT_FORMATS
    parts = value.split(",") if isinstance(value, str) else [p for v in value for p in str(v).split(",")]
    chosen: list[str] = []
    for part in parts:
        name = ALIASES.get(part.strip().lower(), part.strip().lower())
        if not name:
            continue
        if name not in FORMATS:
            known = ", ".join(FORMATS)
            raise UsageError(None, f"unknown output format '{part.strip()}' (choose from: {known})")
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise UsageError(None, "no output format given (choose from: " + ", ".join(FORMATS) + ")")
    return tuple(chosen)


def is_output_name(name: str) -> bool:
    """Whether a file name is one of our own outputs (letter.easyread.pdf), not a document to convert."""
    return name.lower().endswith(OUTPUT_SUFFIXES)


def output_base(source: Path, output: Path | None, formats: tuple[str, ...]) -> Path:
    """The path of the outputs without their extension: beside the source, in a folder (one that
    exists, or a name with no extension), or as given.

    A file name given with `-o` must end in the extension of one of the formats asked for; the other
    formats take the same name with their own extension.
    """
    default = source.with_name(source.stem + OUTPUT_STEM_SUFFIX)
    if output is None:
        return default
    if not names_a_file(output):
        return output / default.name  # a folder (one with no extension is taken for a folder to make)
    extensions = {FORMATS[name].extension for name in formats}
    if output.suffix.lower() not in extensions:
        wanted = " or ".join(sorted(extensions))
        raise UsageError(output, f"the output file must end in {wanted}")
    return output.with_suffix("")


def output_paths(base: Path, formats: tuple[str, ...]) -> dict[str, Path]:
    """{format: path} for the outputs of one document, from `output_base`."""
    return {name: base.with_name(base.name + FORMATS[name].extension) for name in formats}


def render(document: EasyReadDocument, format_name: str, path: Path) -> int:
    """Write `document` in one format at `path` (atomically); returns the pages (or items) written."""
    module_name, _, function = FORMATS[format_name].renderer.partition(":")
    renderer = getattr(import_module(module_name), function)
    pages: int = renderer(document, path)
    return pages


def names_a_file(output: Path) -> bool:
    """Whether `-o output` names a file (so its extension says the format), not a folder: it is not
    a folder, does not end in a slash, and has an extension (as `output_base` reads it)."""
    return not (output.is_dir() or str(output).endswith(("/", "\\")) or not output.suffix)


def format_from_extension(output: Path) -> str:
    """The format a file named with `-o` asks for by its extension ("easy.docx" -> "docx"), for
    when no --format is given. UsageError for an extension that is no format's (".txt", ".odt")."""
    suffix = output.suffix.lower()
    for spec in FORMATS.values():
        if spec.extension == suffix:
            return spec.name
    known = ", ".join(spec.extension for spec in FORMATS.values())
    raise UsageError(output, f"unknown output extension '{output.suffix}' (name a {known} file or a folder "
                             "that exists, or choose with --format)")
