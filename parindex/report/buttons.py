"""The report's downloads on a page (Overview: the year's report; Unit profile: the unit's brief),
Word and PDF side by side. Each file is built only when its button is pressed: a page that
shows the buttons costs nothing more."""

from __future__ import annotations

import streamlit as st

from parindex.i18n import Translator
from parindex.report import FORMATS, View, build, file_name, pdf

ICONS = {"docx": ":material/description:", "pdf": ":material/picture_as_pdf:"}


def downloads(view: View, t: Translator, *, key: str, unit: str | None = None) -> None:
    prefix = "report.unit_" if unit else "report."
    row = st.container(horizontal=True)  # side by side, wrapping on a phone
    for fmt in FORMATS:
        if fmt == "pdf" and not pdf.available():
            row.caption(t("report.pdf_unavailable"))
            continue
        row.download_button(
            t(f"{prefix}{'word' if fmt == 'docx' else 'pdf'}_button"),
            data=lambda fmt=fmt: build(view, fmt, unit),
            key=f"{key}_{fmt}",
            on_click="ignore",
            file_name=file_name(view, fmt, unit),
            mime=FORMATS[fmt],
            icon=ICONS[fmt],
        )
