"""Whether an SVG picture stays inside itself: no reference to another file, and no embedded raster
picture over the pixel limit.

An SVG can name other files (`<image href="/home/me/passport.png">`, `fill="url(other.svg#g)"`,
`@import` in a style), and the SVG renderers (resvg for Word, svglib for the PDF) would read and
embed them: a shared plan could copy a private picture of the person rendering it into a public
document. Only references inside the file (`#id`) and embedded PNG or JPEG data are allowed.

The SVG is parsed with lxml (a dependency of svglib) with internal entities expanded, so an
attribute written with entities is checked as the renderers will read it, and with no network,
no external DTD and libxml2's limits on entity expansion and tree size.
"""

from __future__ import annotations

import base64
import binascii
import io
import re

_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_DATA_PICTURE = re.compile(r"data:image/(png|jpe?g);base64,", re.IGNORECASE)


def svg_problem(data: bytes) -> str | None:
    """Why the SVG `data` must not be drawn ("refers to another file: /etc/x.png"), or None."""
    try:
        from lxml import etree
    except ImportError:  # no pictures extra: nothing will draw the SVG; check the text as it is
        return _text_problem(data.decode("utf-8", "replace"))
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False, huge_tree=False,
                             recover=False)
    try:
        root = etree.parse(io.BytesIO(data), parser).getroot()
    except (etree.XMLSyntaxError, ValueError):
        return None  # not well-formed: the renderers cannot draw it either and show the description
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for name, value in element.attrib.items():
            problem = _reference_problem(value) if name.rsplit("}", 1)[-1] == "href" else _text_problem(value)
            if problem:
                return problem
        if element.tag.rsplit("}", 1)[-1] == "style" and element.text:
            problem = _text_problem(element.text)
            if problem:
                return problem
    return None


def _text_problem(text: str) -> str | None:
    """A problem with CSS or attribute text: `url(...)` to anything but `#id`, or `@import`."""
    if "@import" in text.lower():
        return "imports another file in its style"
    for match in _URL.finditer(text):
        problem = _reference_problem(match.group(1))
        if problem:
            return problem
    for match in re.finditer(r"""href\s*=\s*["']([^"']*)""", text):  # only without lxml: raw text
        problem = _reference_problem(match.group(1))
        if problem:
            return problem
    return None


def _reference_problem(value: str) -> str | None:
    value = value.strip()
    if not value or value.startswith("#"):
        return None
    picture = _DATA_PICTURE.match(value)
    if picture:
        return _embedded_problem(value[picture.end():])
    shown = value if len(value) <= 60 else value[:57] + "..."
    if value.lower().startswith("data:"):
        return "embeds data of a kind that is not checked (only PNG and JPEG may be embedded in an SVG)"
    return f"refers to another file ({shown}): an SVG picture must hold all it shows"


def _embedded_problem(encoded: str) -> str | None:
    from easyread.pictures.safe import PictureProblem, check_pixels, pixel_size

    try:
        raw = base64.b64decode("".join(encoded.split()), validate=False)
    except (binascii.Error, ValueError):
        return None  # undecodable: the renderers skip it
    try:
        check_pixels(pixel_size(io.BytesIO(raw)))
    except PictureProblem as problem:
        return f"embeds a picture that {problem.reason}"
    return None
