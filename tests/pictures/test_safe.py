"""The checked picture loader: regular files only, size and pixel limits read from the header, SVGs
that hold all they show."""

from __future__ import annotations

import base64
import os
import struct
import zlib

import pytest

from easyread.limits import MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS
from easyread.pictures.safe import MissingPicture, PictureProblem, inspect_picture, load_picture, safe_picture
from tests.pictures.images import SVG, png_bytes, write_png, write_svg


def header_only_png(width: int, height: int) -> bytes:
    """A PNG signature and IHDR claiming `width` x `height`, with no pixel data at all."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


def test_a_small_png_and_svg_pass(tmp_path):
    png = write_png(tmp_path / "a.png")
    assert inspect_picture(png) == "png"
    assert load_picture(png) == (png_bytes(), "png")
    assert safe_picture(write_svg(tmp_path / "b.svg")) == (SVG.encode(), "svg")


def test_a_file_that_is_no_picture_is_not_refused_but_not_used(tmp_path):
    text = tmp_path / "notes.png"
    text.write_text("not a picture", encoding="utf-8")
    assert inspect_picture(text) is None and safe_picture(text) is None


def test_pixels_over_the_limit_are_refused_from_the_header(tmp_path):
    side = int(MAX_PICTURE_PIXELS ** 0.5) + 1
    big = tmp_path / "big.png"
    big.write_bytes(header_only_png(side, side))
    with pytest.raises(PictureProblem, match=f"is {side} x {side} pixels.*the limit is 25 million pixels"):
        inspect_picture(big)
    with pytest.raises(PictureProblem, match="pixels"):
        load_picture(big)
    just_under = tmp_path / "ok.png"
    just_under.write_bytes(header_only_png(5000, 5000))
    assert inspect_picture(just_under) == "png"


def test_pillows_own_bomb_limit_is_a_refusal_not_an_error(tmp_path):
    huge = tmp_path / "huge.png"
    huge.write_bytes(header_only_png(60000, 60000))  # over Pillow's 2 x 89 million: it raises, we refuse
    with pytest.raises(PictureProblem, match="pixels"):
        inspect_picture(huge)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    big = tmp_path / "big.png"
    with big.open("wb") as handle:
        handle.write(png_bytes())
        handle.truncate(MAX_PICTURE_BYTES + 1)
    with pytest.raises(PictureProblem, match="the limit is 20 MB"):
        load_picture(big)


def test_fifos_devices_folders_and_missing_files(tmp_path):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    with pytest.raises(PictureProblem, match="is not a regular file"):
        load_picture(fifo)  # would block for ever if opened for reading the usual way
    with pytest.raises(PictureProblem, match="is a folder"):
        inspect_picture(tmp_path)
    with pytest.raises(MissingPicture):
        inspect_picture(tmp_path / "nothing.png")
    if os.path.exists("/dev/zero"):
        with pytest.raises(PictureProblem, match="is not a regular file"):
            load_picture("/dev/zero")


@pytest.mark.parametrize("svg", [
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="/etc/x.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="../secret.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/x.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(other.svg#g)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "x.css";</style></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url( \'/etc/a.svg#b\' )"/></svg>',
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY p "/etc/x.png">]><svg xmlns="http://www.w3.org/2000/svg"><image href="&p;"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>',
])
def test_an_svg_that_names_another_file_is_refused(tmp_path, svg):
    path = tmp_path / "a.svg"
    path.write_text(svg, encoding="utf-8")
    with pytest.raises(PictureProblem):
        inspect_picture(path)
    assert safe_picture(path) is None


def test_an_svg_with_its_own_gradient_and_a_small_embedded_png_passes(tmp_path):
    embedded = base64.b64encode(png_bytes()).decode()
    path = tmp_path / "a.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
                    f'<rect fill="url(#g)"/><image href="data:image/png;base64,{embedded}"/></svg>', encoding="utf-8")
    assert inspect_picture(path) == "svg"


def test_an_svg_embedding_a_pixel_bomb_is_refused(tmp_path):
    embedded = base64.b64encode(header_only_png(12000, 12000)).decode()
    path = tmp_path / "a.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,{embedded}"/></svg>',
                    encoding="utf-8")
    with pytest.raises(PictureProblem, match="embeds a picture that is 12000 x 12000 pixels"):
        inspect_picture(path)
