"""A report document as a Word file, laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) sets out an
administrative document: A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New
Roman, body 14 pt; the issuing body (left) and the national name and motto (right) over the
number, place and date; the title in bold; recipients and signature at the end; page numbers in
the top margin from the second page. Times New Roman is named as the decree asks; where it is not
installed (Debian) fontconfig and LibreOffice substitute Liberation Serif, metric-compatible and
with every Vietnamese letter, so the lines break where Word would break them."""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from parindex.report.model import Annex, Document, Heading, Image, Paragraph, Table

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
SMALL_PT = 12
PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH = PAGE[0] - MARGINS["left"] - MARGINS["right"]  # 165 mm
ANNEX_WIDTH = PAGE[1] - MARGINS["left"] - MARGINS["right"]  # landscape: 252 mm
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)
LANGUAGES = {"vi": "vi-VN", "en": "en-GB"}


def write(doc: Document) -> bytes:
    word = new_document()
    _styles(word, doc.lang)
    section = word.sections[0]
    _page(section, landscape=False)
    section.different_first_page_header_footer = True
    _headers(section, doc.draft)
    _header_block(word, doc)
    _title(word, doc)
    width = TEXT_WIDTH
    for block in doc.blocks:
        if isinstance(block, Annex):
            _signature(word, doc)  # the signature closes the report; the annex follows it
            _annex(word, block)
            width = ANNEX_WIDTH
        else:
            _block(word, block, width)
    if not any(isinstance(b, Annex) for b in doc.blocks):
        _signature(word, doc)
    props = word.core_properties
    props.title, props.author, props.language = doc.core_title, doc.issuer, LANGUAGES[doc.lang]
    props.keywords = doc.draft or ""
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _styles(word, lang: str) -> None:
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    _fonts(normal.element.get_or_add_rPr(), lang)
    spacing = normal.paragraph_format
    spacing.space_before, spacing.space_after, spacing.line_spacing = Pt(0), Pt(6), 1.1
    for name in ("Header", "Footer", "Table Grid"):
        style = word.styles[name]
        style.font.name = FONT
        _fonts(style.element.get_or_add_rPr(), lang)


def _fonts(rpr, lang: str) -> None:
    """Times New Roman for every script slot (Word picks the east-Asian slot for some characters)
    and the text's language, so spelling and hyphenation are the document's."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGES[lang])
    rpr.append(language)


def _page(section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE[1], PAGE[0]) if landscape else PAGE
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = Mm(10)


def _headers(section, draft: str | None) -> None:
    """The page number, centred in the top margin, from the second page; a draft's mark on every page."""
    first, other = section.first_page_header, section.header
    number = other.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    if draft:
        for header in (first, other):
            mark = header.add_paragraph() if header is other else header.paragraphs[0]
            mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = mark.add_run(draft)
            run.bold, run.font.size, run.font.color.rgb = True, Pt(16), DRAFT_RED


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(HEADER_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _header_block(word, doc: Document) -> None:
    """Two columns without borders: the issuing body over the number; the national name and
    motto over the place and date. Each name is underlined by a short rule (a paragraph border)."""
    table = word.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, (Mm(68), TEXT_WIDTH - Mm(68)))
    left, right = table.rows[0].cells
    _cell_line(left.paragraphs[0], doc.issuer_parent, size=HEADER_PT)
    _cell_line(left.add_paragraph(), doc.issuer, size=HEADER_PT, bold=True, rule=Mm(18))
    _cell_line(left.add_paragraph(), doc.number, size=HEADER_PT)
    _cell_line(right.paragraphs[0], doc.motto[0], size=SMALL_PT, bold=True)
    _cell_line(right.add_paragraph(), doc.motto[1], size=BODY_PT, bold=True, rule=Mm(22))
    _cell_line(right.add_paragraph(), doc.place_date, size=BODY_PT, italic=True)


def _cell_line(paragraph, text: str, *, size: float, bold: bool = False, italic: bool = False, rule=None) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.space_after, fmt.line_spacing, fmt.first_line_indent = Pt(2), 1.0, None
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    if rule is not None:  # the short line under the name: the border of an empty, indented paragraph
        line = paragraph._parent.add_paragraph()
        line.paragraph_format.left_indent = line.paragraph_format.right_indent = rule
        line.paragraph_format.space_after, line.paragraph_format.line_spacing = Pt(6), Pt(2)
        _bottom_border(line)


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _title(word, doc: Document) -> None:
    for i, text in enumerate((doc.kind, doc.title)):
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(18 if i == 0 else 0)
        paragraph.paragraph_format.space_after = Pt(0 if i == 0 else 4)
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, Pt(BODY_PT)
    rule = word.add_paragraph()
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(62)
    rule.paragraph_format.space_after = Pt(12)
    _bottom_border(rule)


def _block(word, block, width) -> None:
    if isinstance(block, Heading):
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(10 if block.level == 1 else 6)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.first_line_indent = Mm(10) if block.level > 1 else None
        run = paragraph.add_run(block.text)
        run.bold, run.italic = True, block.level > 1
    elif isinstance(block, Paragraph):
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Mm(10)
        for part in block.runs:
            run = paragraph.add_run(("- " if block.bullet and part is block.runs[0] else "") + part.text)
            run.bold, run.italic = part.bold, part.italic
    elif isinstance(block, Image):
        _image(word, block, width)
    elif isinstance(block, Table):
        _table(word, block, width)


def _image(word, image: Image, width) -> None:
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_before = Pt(6)
    height = int(width * image.height_px / image.width_px)
    paragraph.add_run().add_picture(io.BytesIO(image.png), width=width, height=height)
    caption = word.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = caption.add_run(image.caption)
    run.italic, run.font.size = True, Pt(SMALL_PT)


def _table(word, block: Table, width) -> None:
    table = word.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    relative = block.widths or (1,) * len(block.columns)
    rows = table.rows  # row by row: table.cell(i, j) walks every cell of the table on each call
    _repeat_header(rows[0])
    for cell, text in zip(rows[0].cells, block.columns):
        _cell(cell, text, block.font_pt, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row, values in zip(rows[1:], block.rows):
        _keep_whole(row)  # a row is never split across two pages
        for j, (cell, text) in enumerate(zip(row.cells, values)):
            _cell(
                cell,
                text,
                block.font_pt,
                align=WD_ALIGN_PARAGRAPH.RIGHT if j in block.numeric else WD_ALIGN_PARAGRAPH.LEFT,
            )
    _widths(table, tuple(int(width * w / sum(relative)) for w in relative))
    word.add_paragraph().paragraph_format.space_after = Pt(0)


def _cell(cell, text: str, size: float, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_after, fmt.line_spacing, fmt.first_line_indent = Pt(1), 1.0, None
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, Pt(size)


def _widths(table, widths) -> None:
    """Column widths in the grid and on every cell (Word reads the cells, LibreOffice the grid)."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _repeat_header(row) -> None:
    """A long table repeats its heading row on every page."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_whole(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _no_borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _signature(word, doc: Document) -> None:
    """'Nơi nhận:' with its lines on the left; the signing title on the right, room left to sign."""
    word.add_paragraph().paragraph_format.space_after = Pt(0)
    table = word.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (TEXT_WIDTH // 2, TEXT_WIDTH - TEXT_WIDTH // 2))
    _keep_whole(table.rows[0])  # "Nơi nhận" and the signature are never split across two pages
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    run = heading.add_run(doc.recipients_heading)
    run.bold, run.italic, run.font.size = True, True, Pt(SMALL_PT)
    heading.paragraph_format.space_after = Pt(0)
    for line in doc.recipients:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after, paragraph.paragraph_format.line_spacing = Pt(0), 1.0
        paragraph.add_run(line).font.size = Pt(11)
    for i, line in enumerate(doc.signer):
        paragraph = right.paragraphs[0] if i == 0 else right.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold, run.font.size = True, Pt(BODY_PT)
    for _ in range(4):  # room for the signature and the seal; the signer's name is written by hand
        right.add_paragraph()


def _annex(word, annex: Annex) -> None:
    """The annex on landscape pages: a new section whose headers continue the numbering."""
    section = word.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=True)
    section.different_first_page_header_footer = False
    for i, (text, bold) in enumerate(((annex.title, True), (annex.subtitle, False))):
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(2 if i == 0 else 10)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, not bold
