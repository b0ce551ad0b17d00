"""Limits on what one PDF may cost pdfminer.six: a "flate bomb" is refused, not unpacked, and so is
a page of millions of drawing instructions or characters (`check_page_content`,
`too_many_characters`, used by `pdf_extract`).

pdfminer inflates every compressed stream it reads (page contents, fonts, object and xref streams)
with one `zlib.decompress` call and no limit: a 2 MB PDF whose page inflates to 2 GB took 4.2 GB
and 37 s before this. pdfminer has no setting for it, so `install()` puts `BoundedZlib` in the
place of the `zlib` module that pdfminer.pdftypes uses (its only use of zlib). It inflates in
1 MB steps and counts every byte against the budget of the current reading (`inflate_budget`):
limits.MAX_PDF_INFLATED_BYTES for the whole document. Past it, `TooMuchInflated` (an
UnreadableDocument naming the limit) is raised, which the reader lets through.

Damaged streams are read as pdfminer reads them: a stream cut short gives what it holds, a wrong
checksum is ignored, and a stream damaged in the middle gives nothing. pdfminer's own recovery
(feeding the stream one byte at a time and joining the output with `+=`, quadratic in its size)
is not needed for that and is turned off: the object `decompressobj` returns refuses at once.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from easyread import limits
from easyread.errors import UnreadableDocument
from easyread.readers.common import readable_size

_STEP = limits.MEGABYTE
_ZLIB_HEADER = 2  # CMF and FLG bytes before the raw deflate data (RFC 1950)


class TooMuchInflated(UnreadableDocument):
    """The PDF's compressed streams inflate to more than limits.MAX_PDF_INFLATED_BYTES."""


class PageTooCostly(Exception):
    """A page over MAX_PDF_PAGE_CONTENT_BYTES or MAX_PDF_PAGE_CHARACTERS; `reason` names the page
    and the limit. The reader turns it into an UnreadableDocument for its file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_page_content(page: Any, number: int) -> None:
    """Refuse page `number` (a pdfminer PDFPage) when its content streams, inflated, pass
    MAX_PDF_PAGE_CONTENT_BYTES: checked before the page is interpreted. pdfminer keeps the
    inflated data, so it is not inflated twice. Raises PageTooCostly."""
    size = 0
    for stream in getattr(page, "contents", None) or []:
        data = stream.get_data() if hasattr(stream, "get_data") else b""
        size += len(data or b"")
    if size > limits.MAX_PDF_PAGE_CONTENT_BYTES:
        raise PageTooCostly(f"page {number} has {readable_size(size, up=True)} of drawing instructions (the limit is "
                            f"{readable_size(limits.MAX_PDF_PAGE_CONTENT_BYTES)} a page)")


def too_many_characters(number: int) -> PageTooCostly:
    """The error for page `number` drawing more than MAX_PDF_PAGE_CHARACTERS characters."""
    return PageTooCostly(f"page {number} draws more than {limits.MAX_PDF_PAGE_CHARACTERS:,} characters "
                         f"(the limit is {limits.MAX_PDF_PAGE_CHARACTERS:,} a page)")


class _Budget:
    def __init__(self, path: Path | None, limit: int) -> None:
        self.path, self.limit, self.used = path, limit, 0

    def take(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise TooMuchInflated(self.path, too_much_reason(self.used))


_CURRENT: ContextVar[_Budget | None] = ContextVar("easyread_pdf_inflate_budget", default=None)


def too_much_reason(size: int) -> str:
    """The reason for a PDF whose streams inflate past the limit (`size` bytes so far)."""
    return (f"its compressed parts inflate to more than {readable_size(size)}, as a \"flate bomb\" does "
            f"(the limit is {readable_size(limits.MAX_PDF_INFLATED_BYTES)} once decompressed)")


@contextmanager
def inflate_budget(path: Path) -> Iterator[None]:
    """Count what pdfminer inflates inside this block against MAX_PDF_INFLATED_BYTES for `path`.

    Raises TooMuchInflated (also at the end, in case pdfminer or a caller swallowed it).
    """
    install()
    budget = _Budget(path, limits.MAX_PDF_INFLATED_BYTES)
    token = _CURRENT.set(budget)
    try:
        yield
    finally:
        _CURRENT.reset(token)
    if budget.used > budget.limit:
        raise TooMuchInflated(path, too_much_reason(budget.used))


class BoundedZlib:
    """Stands in for the zlib module inside pdfminer.pdftypes: `decompress` in counted steps."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        """Inflate a zlib stream (RFC 1950) as pdfminer needs it, counting the output.

        Returns what the stream holds, even when it is cut short or its checksum is wrong; raises
        zlib.error for a bad header or damage in the middle, TooMuchInflated past the budget.
        """
        budget = _CURRENT.get() or _Budget(None, limits.MAX_PDF_INFLATED_BYTES)
        if len(data) < _ZLIB_HEADER or (data[0] & 0x0F) != zlib.DEFLATED or (data[0] << 8 | data[1]) % 31 or data[1] & 0x20:
            raise zlib.error("invalid zlib header")
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        output = bytearray()
        pending = data[_ZLIB_HEADER:]
        while True:
            chunk = inflater.decompress(pending, _STEP)
            budget.take(len(chunk))
            output += chunk
            pending = inflater.unconsumed_tail
            if inflater.eof or (not pending and len(chunk) < _STEP):
                break
        return bytes(output)

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        return _NoRecovery()


class _NoRecovery:
    """pdfminer's byte-by-byte recovery: not needed (`decompress` keeps what can be read), so refused."""

    def decompress(self, data: bytes, *args: Any) -> bytes:
        raise zlib.error("stream damaged in the middle")


def install() -> None:
    """Put `BoundedZlib` in the place of zlib in pdfminer.pdftypes (once; harmless to repeat)."""
    from pdfminer import pdftypes

    if not isinstance(pdftypes.zlib, BoundedZlib):
        pdftypes.zlib = BoundedZlib()  # type: ignore[assignment]
