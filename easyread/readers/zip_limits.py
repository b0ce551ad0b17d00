"""Check a zip-based document (.docx) from its zip directory before any part of it is parsed.

A small .docx can hold XML that expands to gigabytes ("zip bomb"); python-docx would read and parse
all of it before anything else could refuse it. So, from the directory alone:

* the members' total size once unzipped must stay within `limits.MAX_UNZIPPED_BYTES`, and the
  XML among them (what gets parsed into a tree, at 10 to 15 times its size) within
  `limits.MAX_UNZIPPED_XML_BYTES`;
* no member over 1 MB may expand more than `limits.MAX_COMPRESSION_RATIO` times (Word's XML
  compresses about 10:1; bombs 1000:1, see David Fifield, "A better zip bomb", WOOT 2019);
* members must be stored or deflated, the only methods Word writes.

A directory can lie (declare 1 KB for a member that inflates to 2 GB), so the parser is then given
`capped_copy`: every member read in capped steps into an uncompressed copy in memory, which no
lie in the directory can make larger than the limit.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from easyread import limits
from easyread.errors import UnreadableDocument
from easyread.readers.common import readable_size

_ALLOWED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_RATIO_FLOOR = limits.MEGABYTE  # a member smaller than this cannot cost much, whatever its ratio
_NAME_CHARS = 60
_STEP = limits.MEGABYTE
_MARKUP_NAMES = (".xml", ".rels")
_BOM_AND_SPACE = b"\xef\xbb\xbf\xff\xfe \t\r\n\x00"


def check_zip_directory(path: Path, archive: zipfile.ZipFile, what: str = "Word document") -> None:
    """Refuse `archive` (opened from `path`) if its directory shows it would cost too much to unzip.

    Raises UnreadableDocument naming the limit: the total unzipped size over MAX_UNZIPPED_BYTES,
    a member over 1 MB expanding more than MAX_COMPRESSION_RATIO times, or a compression method
    other than stored or deflated. Reads only the directory (already in memory): no member is
    decompressed. `what` names the kind of file in the messages.
    """
    total = markup = 0
    for info in archive.infolist():
        if info.compress_type not in _ALLOWED_METHODS:
            raise UnreadableDocument(path, f"not a valid {what} (a part of it is compressed in a way Word never uses)")
        total += info.file_size
        if total > limits.MAX_UNZIPPED_BYTES:
            raise UnreadableDocument(path, too_large_reason(total, archive))
        if info.filename.lower().endswith(_MARKUP_NAMES):
            markup += info.file_size
            if markup > limits.MAX_UNZIPPED_XML_BYTES:
                raise UnreadableDocument(path, too_much_xml_reason(markup))
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise UnreadableDocument(
                path, f"a part of it ({_safe_name(info.filename)}) expands {ratio}:1 when unzipped, as a zip "
                      f"bomb does (the limit is {limits.MAX_COMPRESSION_RATIO}:1)")


def too_large_reason(total: int, archive: zipfile.ZipFile | None = None) -> str:
    """The reason for a document whose parts come to `total` bytes or more unzipped."""
    if archive is not None:
        total = sum(info.file_size for info in archive.infolist())
    return (f"too large once unzipped: {readable_size(total, up=True)} "
            f"(the limit is {readable_size(limits.MAX_UNZIPPED_BYTES)} unzipped)")


def too_much_xml_reason(size: int) -> str:
    """The reason for a document whose XML comes to `size` bytes or more unzipped."""
    return (f"too large once unzipped: {readable_size(size, up=True)} of XML "
            f"(the limit is {readable_size(limits.MAX_UNZIPPED_XML_BYTES)} of XML, over 1,000 pages of text)")


def capped_copy(path: Path, archive: zipfile.ZipFile, what: str = "Word document") -> io.BytesIO:
    """An uncompressed (stored) copy of `archive` in memory, every member read 1 MB at a time.

    zipfile's one-call `ZipFile.read` (which python-docx uses) inflates a member's whole data before
    cutting it to the declared size, so a directory that declares 1 KB for data that inflates to
    2 GB costs 2 GB there. Read in capped steps, a member stops at its declared size (and a wrong
    CRC is caught); the copy holds nothing compressed, so reading it costs no more than its size.
    Memory: the unzipped size (within MAX_UNZIPPED_BYTES, counted again here as read) plus 1 MB.
    A member whose content starts like XML ("<", after any byte-order mark) counts towards
    MAX_UNZIPPED_XML_BYTES whatever its name.
    Raises UnreadableDocument for data that does not match the directory, or too much of it.
    """
    copy = io.BytesIO()
    total = markup = 0
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED, allowZip64=True) as out:
        members = {info.filename: info for info in archive.infolist()}  # the last of a repeated name, as zipfile reads
        for info in members.values():
            if info.is_dir():
                continue
            try:
                with archive.open(info) as member, out.open(info.filename, "w", force_zip64=True) as target:
                    is_markup = None
                    while chunk := member.read(_STEP):
                        if is_markup is None:  # by its content, whatever its name says
                            is_markup = chunk.lstrip(_BOM_AND_SPACE).startswith(b"<")
                            if is_markup and _DOCTYPE in chunk[:_PROLOG_BYTES]:
                                raise UnreadableDocument(path, doctype_reason(info.filename, what))
                        total += len(chunk)
                        markup += len(chunk) if is_markup else 0
                        if total > limits.MAX_UNZIPPED_BYTES:
                            raise UnreadableDocument(path, too_large_reason(total))
                        if markup > limits.MAX_UNZIPPED_XML_BYTES:
                            raise UnreadableDocument(path, too_much_xml_reason(markup))
                        target.write(chunk)
            except UnreadableDocument:
                raise
            except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, RuntimeError,
                    NotImplementedError, zlib.error) as exc:  # RuntimeError: an encrypted member
                raise UnreadableDocument(path, f"not a valid {what} (a part of it does not match its zip "
                                               "directory: the file is damaged)") from exc
    copy.seek(0)
    return copy


# ECMA-376 Part 2 (Open Packaging Conventions), 8.1.4: package parts shall not contain DTD
# declarations. Word never writes one; a part that has one can define entities, and text written
# with an entity the parser does not expand is dropped without a word ("Please&nbsp;call ..." lost
# its phone number), so such a file is refused, not read with part of its text missing.
_DOCTYPE = b"<!DOCTYPE"
_PROLOG_BYTES = 64 * 1024


def doctype_reason(member: str, what: str = "Word document") -> str:
    """Why a part with a DTD declaration is refused (ECMA-376 Part 2 forbids them)."""
    return (f"not a valid {what}: a part of it ({_safe_name(member)}) declares a DOCTYPE, which Word files "
            "never do (its entities could hide text)")


def open_zip_document(path: Path, what: str = "Word document") -> io.BytesIO:
    """Check the zip-based document at `path` and return a capped, uncompressed copy to parse.

    Raises UnreadableDocument: not a zip file, or refused by `check_zip_directory` or `capped_copy`.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            check_zip_directory(path, archive, what)
            return capped_copy(path, archive, what)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise UnreadableDocument(path, f"not a valid {what} (file is damaged or not a zip file)") from exc


def _safe_name(name: str) -> str:
    """A member name fit for a one-line message: printable characters only, at most 60 of them."""
    shown = "".join(char if char.isprintable() else "?" for char in name)
    return shown if len(shown) <= _NAME_CHARS else shown[: _NAME_CHARS - 3] + "..."
