"""Standard input and output for `easyread convert`: `-` as the source, `-o -` as the output.

`-` reads one document from standard input. PDF and Word are told by their first bytes (`%PDF-`,
a zip's `PK`); text needs `--input-format md` or `txt`, because the same text reads differently as
Markdown (`#`, `*` and `_` are markup) and as plain text, and a wrong guess would change or drop
words. The bytes are kept in a temporary folder as `stdin.<format>` while the document is
converted (so `-o FOLDER/` writes `FOLDER/stdin.easyread.pdf`), and errors name "standard input".

`-o -` writes one format to standard output: exactly the bytes the file would hold. PDF and Word
are refused when standard output is a terminal. Nothing else goes to standard output then: the
summary and warnings go to standard error as always.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from easyread.errors import EasyReadError, OutputError, UnreadableDocument, UnsupportedFormat, UsageError

STANDARD_STREAM = "-"  # as a source: standard input; as -o: standard output
STDIN_LABEL = "standard input"  # what messages call the document read from standard input
STDIN_STEM = "stdin"  # its name while it is converted: stdin.md, and FOLDER/stdin.easyread.pdf
BINARY_FORMATS = ("pdf", "docx")  # refused on a terminal: they are not text
INPUT_ALIASES = {"markdown": "md", "word": "docx", "text": "txt"}
_HTML_START = re.compile(rb"(?i)<(!doctype\s+html|html)[\s>]")


def input_formats() -> tuple[str, ...]:
    """The formats `--input-format` takes: those `convert` reads ("docx", "md", "pdf", "txt")."""
    from easyread.readers import SUPPORTED_SUFFIXES

    names = (INPUT_ALIASES.get(suffix.lstrip("."), suffix.lstrip(".")) for suffix in SUPPORTED_SUFFIXES)
    return tuple(dict.fromkeys(names))


def sniff(data: bytes) -> str | None:
    """What the first bytes of `data` say it is: "pdf", "docx" or "html"; None for anything else
    (text, which may be Markdown or plain). A PDF starts with "%PDF-" (ISO 32000-1, 7.5.2); a Word file is
    a zip (ECMA-376 Part 2), whose first entry starts with the local file header "PK\\x03\\x04";
    HTML starts with a doctype or an <html> tag. Only the start counts, so a text that mentions
    "%PDF-" further on is still text."""
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if _HTML_START.match(head):
        return "html"
    return None


def choose_input_format(data: bytes, given: str | None) -> str:
    """The reader for the bytes `data` read from standard input: `given` (the --input-format value),
    else what `sniff` finds.

    A value given is trusted (Markdown may start with an <html> tag; a file that is not the PDF it
    is said to be is the PDF reader's to refuse, exit 1, as for a file), except text asked for of a
    PDF or a zip. UsageError (exit 2) for an unknown value, for that contradiction and for text with
    no --input-format; UnsupportedFormat (exit 2) for HTML with none, which `convert` does not read."""
    known = input_formats()
    sniffed = sniff(data)
    if given is None:
        if sniffed == "html":
            raise UnsupportedFormat(STDIN_LABEL, f"is HTML; easyread convert reads {', '.join(known)}")
        if sniffed is None:
            raise UsageError(STDIN_LABEL, "give --input-format md or txt (text reads differently as Markdown and "
                             "as plain text)")
        return sniffed
    name = INPUT_ALIASES.get(given.strip().lower().lstrip("."), given.strip().lower().lstrip("."))
    if name not in known:
        raise UsageError(None, f"unknown --input-format '{given}' (choose from: {', '.join(known)})")
    if sniffed in BINARY_FORMATS and name not in BINARY_FORMATS:
        raise UsageError(STDIN_LABEL, f"starts like {_kind(sniffed)}, not {name}: give --input-format {sniffed}")
    return name


def _kind(name: str) -> str:
    return {"pdf": "a PDF", "docx": "a Word file (a zip)", "html": "HTML"}.get(name, name)


def read_standard_input(max_bytes: int, stream: BinaryIO | None = None) -> bytes:
    """All of standard input (or `stream`) as bytes. UsageError (exit 2) when it is a terminal,
    UnreadableDocument (exit 1, as for a file) when it holds more than `max_bytes`."""
    from easyread.readers.common import readable_size

    if stream is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError(None, "'-' reads a document from standard input, which is a terminal here: pipe one "
                             "in, e.g. easyread convert - --input-format md -o letter.pdf < letter.md")
        stream = sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableDocument(STDIN_LABEL, f"too large: more than the limit of {readable_size(max_bytes)}")
    return data


@contextmanager
def standard_input_file(input_format: str | None, max_bytes: int) -> Iterator[Path]:
    """A file holding the document on standard input, named `stdin.<format>` (see `choose_input_format`),
    removed afterwards."""
    data = read_standard_input(max_bytes)
    name = choose_input_format(data, input_format)
    with tempfile.TemporaryDirectory(prefix="easyread-stdin-") as folder:
        path = Path(folder) / f"{STDIN_STEM}.{name}"
        path.write_bytes(data)
        yield path


def shown_message(error: EasyReadError, stand_in: Path | None) -> str:
    """`error`'s one line, with the temporary file standing in for standard input called "standard input"."""
    if stand_in is not None and error.path is not None and error.path == stand_in:
        return EasyReadError(STDIN_LABEL, error.reason).message()
    return error.message()


def check_standard_output(formats: tuple[str, ...], pictures: str | None = None) -> None:
    """UsageError unless `-o -` can write `formats`: one format, not PDF or Word to a terminal, and
    not Markdown with a folder of pictures (its links are relative to where the file is; standard
    output is nowhere). HTML embeds its pictures and OpenMoji pictures are named in Markdown, not linked."""
    if len(formats) != 1:
        raise UsageError(None, f"-o - writes one format to standard output, not {len(formats)} "
                         f"({', '.join(formats)}): choose one with --format")
    if formats[0] == "md" and pictures and pictures != "openmoji":
        raise UsageError(None, "-o -: Markdown links its pictures relative to its own file, and standard output "
                         "has no place: write it with -o FILE.md, or choose --format html (pictures embedded)")
    if formats[0] in BINARY_FORMATS and _binary_stdout_is_terminal():
        raise UsageError(None, f"-o -: standard output is a terminal, and {formats[0]} is not text: redirect it "
                         f"(> letter.{formats[0]}) or write a file with -o")


def check_plan_for_standard_output(document: object, format_name: str) -> None:
    """UsageError when a plan's Markdown would link picture files (see `check_standard_output`):
    `document` is an EasyReadDocument read from a plan with `-o -`."""
    from easyread.pictures.raster import is_reference

    items = [*getattr(document, "opening", []), *document.items()]  # type: ignore[attr-defined]
    files = [item.picture_file for item in items if item.picture_file and not is_reference(item.picture_file)]
    if format_name == "md" and files:
        raise UsageError(None, "-o -: this plan's Markdown links picture files relative to its own file, and "
                         "standard output has no place: write it with -o FOLDER, or choose --format html")


def _binary_stdout_is_terminal() -> bool:
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError):
        return False


@contextmanager
def standard_output_file(stem: str, format_name: str) -> Iterator[Path]:
    """A path in a temporary folder to convert into, removed afterwards; `copy_to_standard_output`
    sends what was written there."""
    from easyread.outputs import FORMATS, OUTPUT_STEM_SUFFIX

    with tempfile.TemporaryDirectory(prefix="easyread-stdout-") as folder:
        yield Path(folder) / f"{stem}{OUTPUT_STEM_SUFFIX}{FORMATS[format_name].extension}"


def copy_to_standard_output(path: Path) -> None:
    """Write the bytes of the file at `path` to standard output, unchanged, and flush. OutputError
    (exit 2) when the reader closes it first (`| head`): the document was not all written."""
    sink = _binary_stdout()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 16):
                sink.write(chunk)
        sink.flush()
    except BrokenPipeError:
        _discard_standard_output()
        raise OutputError("standard output", "was closed before the whole document was written") from None


def _discard_standard_output() -> None:
    """Point standard output at the null device, so that flushing it at exit raises nothing more."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, AttributeError, ValueError):  # no file descriptor (a test's stream): nothing to flush
        pass


def _binary_stdout() -> BinaryIO:
    """Standard output's bytes: under the secret-scrubbing wrapper (easyread.secrets), which is for
    messages; a document is written exactly as its file would be."""
    stream = sys.stdout
    while getattr(stream, "wrapped", None) is not None:
        stream = stream.wrapped  # type: ignore[union-attr]
    stream.flush()
    return stream.buffer  # type: ignore[union-attr,no-any-return]
