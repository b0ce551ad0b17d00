"""Unit tests of easyread.readers.pdf_streams: pdfminer's inflating, counted and bounded."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from easyread import limits
from easyread.readers.pdf_streams import BoundedZlib, TooMuchInflated, inflate_budget
from tests.hostile.builders import flate_bomb

TEXT = b"BT /F1 12 Tf (Bins are collected on Monday.) Tj ET " * 500


def test_a_whole_stream_inflates_as_zlib_does() -> None:
    assert BoundedZlib.decompress(zlib.compress(TEXT)) == TEXT


def test_a_stream_cut_short_or_with_a_wrong_checksum_gives_what_it_holds() -> None:
    whole = zlib.compress(TEXT)
    cut = BoundedZlib.decompress(whole[: len(whole) // 2])
    assert cut and TEXT.startswith(cut)
    assert BoundedZlib.decompress(whole[:-4] + b"\x00\x00\x00\x00") == TEXT


def test_a_bad_header_is_a_zlib_error_and_recovery_is_refused() -> None:
    with pytest.raises(zlib.error):
        BoundedZlib.decompress(b"not zlib at all")
    with pytest.raises(zlib.error):
        BoundedZlib.decompressobj().decompress(b"x")


def test_the_budget_is_shared_by_every_stream_of_one_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_INFLATED_BYTES", 3 * len(TEXT))
    stream = zlib.compress(TEXT)
    with pytest.raises(TooMuchInflated, match="the limit is"), inflate_budget(Path("x.pdf")):
        for _ in range(4):
            BoundedZlib.decompress(stream)


def test_a_bomb_stops_at_the_limit_without_inflating_it_all() -> None:
    bomb = flate_bomb(512)
    with pytest.raises(TooMuchInflated), inflate_budget(Path("bomb.pdf")):
        BoundedZlib.decompress(bomb)


def test_pdfminer_uses_the_bounded_inflater_once_installed() -> None:
    from pdfminer import pdftypes

    with inflate_budget(Path("x.pdf")):
        assert isinstance(pdftypes.zlib, BoundedZlib)
