"""The year's report and a unit's brief as an administrative document (DOCX, and PDF from it).

`content` assembles the document from the same queries, labels and figure builders the pages use
(so every number is the number on screen), `model` is the document it assembles, `word` lays it
out as a Word file in the conventions of Nghị định 30/2020/NĐ-CP, `pdf` converts that file with
LibreOffice, and `cli` is `python -m parindex report`; `buttons` (the pages' downloads) is the
only one that uses Streamlit.
"""

from __future__ import annotations

from parindex import export
from parindex.i18n import Translator
from parindex.report import content, pdf, word
from parindex.report.content import Refused, View

FORMATS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}

__all__ = ["FORMATS", "Refused", "View", "build", "file_name"]


def build(view: View, fmt: str, unit: str | None = None) -> bytes:
    """The year's report (or, given a unit id, that unit's brief) as DOCX or PDF bytes.
    Raises Refused when the assessment or the unit is not visible to this reader."""
    if fmt not in FORMATS:
        raise ValueError(f"not a report format: {fmt!r}")
    document = content.unit_brief(view, unit) if unit else content.year_report(view)
    docx_bytes = word.write(document)
    return docx_bytes if fmt == "docx" else pdf.convert(docx_bytes)


def file_name(view: View, fmt: str, unit: str | None = None) -> str:
    """'chi-so-cchc_2021_so-nganh_bao-cao.docx', in English 'par-index_2021_departments_report.docx';
    a brief: 'chi-so-cchc_2024_so-nganh_ho-so_so-y-te.pdf'."""
    name = export.file_name(view.year, view.group, "brief" if unit else "report", Translator(view.lang), unit)
    return f"{name}.{fmt}"
