"""The pieces of Word XML that python-docx has no API for: borders, shading, cell margins, row
heights, fields, fonts without theme overrides, language tags and picture alt text.

Imports python-docx: import this module lazily, from inside a renderer function.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
CELL_SIDES = ("top", "left", "bottom", "right")

# The order Word's schema wants the children of each kind of properties element in (the parts used here).
TBL_PR = ("w:tblStyle", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
          "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
TC_PR = ("w:tcW", "w:gridSpan", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
         "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
TR_PR = ("w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
P_PR = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
        "w:numPr", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind",
        "w:contextualSpacing", "w:jc", "w:outlineLvl", "w:rPr")


def twips(points: float) -> str:
    """A length in points as Word's twentieths of a point."""
    return str(round(points * 20))


def child(parent, tag: str):  # type: ignore[no-untyped-def]
    """The first `tag` child of `parent`, made (at the end) if it is not there yet."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def replace_child(parent, tag: str, order: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """A new, empty `tag` child of `parent` in place of any old one, put where `order` (the
    schema's order of the children) says, before the first later child that is present."""
    old = parent.find(qn(tag))
    if old is not None:
        parent.remove(old)
    element = OxmlElement(tag)
    successors = order[order.index(tag) + 1 :] if tag in order else ()
    for name in successors:
        later = parent.find(qn(name))
        if later is not None:
            later.addprevious(element)
            return element
    parent.append(element)
    return element


def _borders(element, sides: tuple[str, ...], value: str, size_eighths: int = 0, colour: str = "auto") -> None:
    for side in sides:
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), value)
        edge.set(qn("w:sz"), str(size_eighths))
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), colour)
        element.append(edge)


def hide_table_borders(table) -> None:  # type: ignore[no-untyped-def]
    """No border anywhere in `table`, whatever the table style says."""
    tbl_pr = table._tbl.tblPr
    borders = replace_child(tbl_pr, "w:tblBorders", TBL_PR)
    _borders(borders, BORDER_SIDES, "nil")


def fixed_layout(table, width_pt: float, cell_margin_pt: float = 0) -> None:  # type: ignore[no-untyped-def]
    """Column widths as given (not fitted to the text), the table `width_pt` wide, no indent,
    `cell_margin_pt` left and right inside each cell."""
    tbl_pr = table._tbl.tblPr
    width = replace_child(tbl_pr, "w:tblW", TBL_PR)
    width.set(qn("w:w"), twips(width_pt))
    width.set(qn("w:type"), "dxa")
    indent = replace_child(tbl_pr, "w:tblInd", TBL_PR)
    indent.set(qn("w:w"), "0")
    indent.set(qn("w:type"), "dxa")
    layout = replace_child(tbl_pr, "w:tblLayout", TBL_PR)
    layout.set(qn("w:type"), "fixed")
    margins = replace_child(tbl_pr, "w:tblCellMar", TBL_PR)
    for side, value in (("top", 0), ("left", cell_margin_pt), ("bottom", 0), ("right", cell_margin_pt)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), twips(value))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)


def cell_margins(cell, **sides_pt: float) -> None:  # type: ignore[no-untyped-def]
    """Margins inside one cell, e.g. `cell_margins(cell, left=14)`."""
    tc_pr = cell._tc.get_or_add_tcPr()
    margins = replace_child(tc_pr, "w:tcMar", TC_PR)
    for side in CELL_SIDES:
        if side in sides_pt:
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:w"), twips(sides_pt[side]))
            edge.set(qn("w:type"), "dxa")
            margins.append(edge)


def cell_box(cell, line_colour: str, fill: str, line_pt: float) -> None:  # type: ignore[no-untyped-def]
    """A border on all four sides of one cell, and a fill colour."""
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = replace_child(tc_pr, "w:tcBorders", TC_PR)
    _borders(borders, CELL_SIDES, "single", round(line_pt * 8), line_colour.lstrip("#"))
    shade(tc_pr, fill, TC_PR)


def cell_rule_below(cell, colour: str, line_pt: float) -> None:  # type: ignore[no-untyped-def]
    """A line under one cell, and no other border."""
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = replace_child(tc_pr, "w:tcBorders", TC_PR)
    _borders(borders, ("bottom",), "single", round(line_pt * 8), colour.lstrip("#"))


def shade(properties, fill: str, order: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """A plain fill colour on a cell's or paragraph's properties (`order`: TC_PR or P_PR)."""
    element = replace_child(properties, "w:shd", order)
    element.set(qn("w:val"), "clear")
    element.set(qn("w:color"), "auto")
    element.set(qn("w:fill"), fill.lstrip("#"))


def paragraph_box(paragraph, line_colour: str, fill: str, line_pt: float, space_pt: float) -> None:  # type: ignore[no-untyped-def]
    """A border all round one paragraph, `space_pt` from its text, and a fill colour."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = replace_child(p_pr, "w:pBdr", P_PR)
    for side in CELL_SIDES:
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(round(line_pt * 8)))
        edge.set(qn("w:space"), str(round(space_pt)))
        edge.set(qn("w:color"), line_colour.lstrip("#"))
        borders.append(edge)
    shade(p_pr, fill, P_PR)


def row_height(row, at_least_pt: float) -> None:  # type: ignore[no-untyped-def]
    """The row is at least this tall; taller if its text needs it."""
    tr_pr = row._tr.get_or_add_trPr()
    height = replace_child(tr_pr, "w:trHeight", TR_PR)
    height.set(qn("w:val"), twips(at_least_pt))
    height.set(qn("w:hRule"), "atLeast")


def keep_row_whole(row) -> None:  # type: ignore[no-untyped-def]
    """The row never splits across two pages."""
    tr_pr = row._tr.get_or_add_trPr()
    replace_child(tr_pr, "w:cantSplit", TR_PR)


def field_runs(paragraph, instruction: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    """A field (e.g. PAGE) at the end of `paragraph`, showing `shown` until Word updates it."""

    def run_with(element) -> None:  # type: ignore[no-untyped-def]
        run = paragraph.add_run()
        run._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def set_fonts(r_pr, name: str) -> None:  # type: ignore[no-untyped-def]
    """`name` for every script in run properties `r_pr`; theme fonts, which would win, removed."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), name)


def set_language(r_pr, language: str) -> None:  # type: ignore[no-untyped-def]
    """The language spell checkers and screen readers use for text with run properties `r_pr`."""
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        successors = [r_pr.find(qn(tag)) for tag in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
        later = next((element for element in successors if element is not None), None)
        if later is not None:
            later.addprevious(lang)
        else:
            r_pr.append(lang)
    lang.set(qn("w:val"), language)


DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"  # Office's extension for "Mark as decorative"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def alt_text(inline_shape, description: str) -> None:  # type: ignore[no-untyped-def]
    """The text a screen reader reads for a picture (Word's "Alt Text", the `descr` of its
    `wp:docPr`); with no text, the picture is marked decorative (Word's "Mark as decorative"), so
    a screen reader skips it rather than read its file name."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", description)
    if not description:
        ext_list = OxmlElement("a:extLst")
        ext = OxmlElement("a:ext")
        ext.set("uri", DECORATIVE_URI)
        decorative = etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS})
        decorative.set("val", "1")
        ext_list.append(ext)
        doc_pr.append(ext_list)
