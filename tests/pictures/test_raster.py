"""Picture files as bytes to embed: PNG and JPEG as they are, SVG drawn to PNG, anything else refused."""

from __future__ import annotations

import pytest

from easyread.pictures.raster import bitmap_bytes, kind_of, picture_path, svg_drawing
from tests.pictures.images import needs_openmoji, png_bytes, write_png, write_svg


def test_kinds_are_told_by_content_not_by_name(tmp_path):
    assert kind_of(png_bytes()) == "png"
    assert kind_of(b"\xff\xd8\xff\xe0rest") == "jpeg"
    assert kind_of(b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>') == "svg"
    assert kind_of(b"%PDF-1.7") is None


def test_png_is_kept_and_svg_is_drawn_to_png(tmp_path):
    png = write_png(tmp_path / "a.png")
    assert bitmap_bytes(png) == (png.read_bytes(), "png")
    pytest.importorskip("resvg_py")
    data, kind = bitmap_bytes(write_svg(tmp_path / "b.svg"))
    assert kind == "png" and data.startswith(b"\x89PNG")
    assert svg_drawing(str(tmp_path / "b.svg")).width > 0  # svglib measures in points (72 px is 54 pt)


@pytest.mark.parametrize("content", [b"", b"not a picture", b"<svg><broken", b"\x89PNG\r\n\x1a\ntruncated"])
def test_broken_or_foreign_files_give_none_or_their_bytes_never_an_error(tmp_path, content):
    path = tmp_path / "bad.svg"
    path.write_bytes(content)
    result = bitmap_bytes(path)
    assert result is None or result[1] == "png"  # a truncated PNG is passed on; the renderer copes
    assert bitmap_bytes(tmp_path / "missing.png") is None
    assert bitmap_bytes(None) is None


def test_openmoji_references_stay_inside_the_set():
    folder = str(needs_openmoji())
    assert str(picture_path("openmoji:1F4DE.svg")).startswith(folder)
    escaped = picture_path("openmoji:../../../../etc/passwd")
    assert str(escaped).startswith(folder) and escaped.name == "passwd"
    assert bitmap_bytes("openmoji:../../../../etc/passwd") is None
