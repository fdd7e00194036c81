"""Streamlit pieces more than one page shows: the data notes and a framed chart."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from parindex import charts, export, labels
from parindex.i18n import Translator
from parindex.paths import ROOT

PAGES = ROOT / "pages"

GROUP_SLUGS = {"department": "so-nganh", "district": "huyen", "commune": "xa", "province": "tinh"}


def page_header(title: str, assessment: pd.Series, t: Translator) -> None:
    """Title, source line and data notes: how every page of one assessment begins."""
    st.title(title)
    st.caption(labels.source_line(assessment, t))
    data_notes(assessment, t)


def data_notes(assessment: pd.Series, t: Translator) -> None:
    """Say plainly what is illustrative and what is missing, before any figure."""
    year = int(assessment["year"])
    if assessment["n_illustrative"] > 0:
        text = t("notes.illustrative", year=year)
        published_part = assessment[f"note_{t.lang}"]
        if isinstance(published_part, str) and published_part:
            text += " " + published_part
        st.warning(text, icon="⚠️")
    elif isinstance(assessment[f"note_{t.lang}"], str) and assessment[f"note_{t.lang}"]:
        st.info(assessment[f"note_{t.lang}"], icon="ℹ️")
    if assessment["tiers_illustrative"]:
        st.caption(t("notes.tiers_illustrative", year=year))
    n_units = assessment["n_units"]
    if assessment["n_scored"] == 0:
        st.caption(t("notes.no_scores", year=year))
    elif not pd.isna(n_units) and assessment["n_scored"] < n_units and assessment["ranking"] == "computed":
        st.caption(t("notes.partial", scored=int(assessment["n_scored"]), units=int(n_units)))


def chart(fig: go.Figure, *, file_name: str, key: str) -> None:
    """A framed figure with its export settings; its title and subtitle are its text alternative."""
    alt = re.sub(r"<[^>]+>", " ", f"{fig.layout.title.text}. {fig.layout.title.subtitle.text}")
    st.plotly_chart(fig, config=charts.export_config(file_name), key=key, width="stretch",
                    alt=" ".join(alt.split()))


def unit_links(ranking: pd.DataFrame, t: Translator, year: int, group: str, per_row: int = 3) -> None:
    """A link to each unit's profile, in ranking order (in-app navigation, same tab)."""
    rows = list(ranking.iterrows())
    for start in range(0, len(rows), per_row):
        for column, (_, row) in zip(st.columns(per_row), rows[start:start + per_row]):
            rank = "" if pd.isna(row["rank"]) else f"{int(row['rank'])}. "
            column.page_link(PAGES / "unit.py", label=rank + row[f"short_{t.lang}"], help=row[f"name_{t.lang}"],
                             query_params={"u": row["unit_id"], "y": str(year), "g": group})


def file_name(year: int, group: str, view: str) -> str:
    """chi-so-cchc_2021_so-nganh_xep-hang: what a press officer's download is called."""
    return f"chi-so-cchc_{year}_{GROUP_SLUGS.get(group, group)}_{view}"


def metric_delta(text: str) -> str | None:
    """Streamlit colours a delta by a leading ASCII '-'; our numbers use a true minus."""
    return None if text in ("—", "") else text.replace("−", "-", 1)


def data_downloads(frame: pd.DataFrame, *, file_stem: str, metadata: dict[str, str], t: Translator,
                   key: str) -> None:
    """CSV and XLSX of the data a view shows, side by side under it."""
    csv_col, xlsx_col, _ = st.columns([1, 1, 3])
    csv_col.download_button(t("download.csv"), data=export.csv_bytes(frame), file_name=f"{file_stem}.csv",
                            mime="text/csv", icon=":material/download:", key=f"{key}_csv", on_click="ignore")
    xlsx_col.download_button(t("download.xlsx"), data=lambda: export.xlsx({"data": frame}, metadata),
                             file_name=f"{file_stem}.xlsx", icon=":material/download:", key=f"{key}_xlsx",
                             mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             on_click="ignore")


def view_metadata(assessment: pd.Series, t: Translator, view: str) -> dict[str, str]:
    """What a downloaded file must say about itself: source, decision, provenance, the view."""
    return {"source": labels.source_line(assessment, t),
            "decision": assessment["decision_no"] if isinstance(assessment["decision_no"], str) else "",
            "framework": assessment[f"framework_{t.lang}"] if isinstance(assessment[f"framework_{t.lang}"], str) else "",
            "provenance": t("provenance.illustrative") if assessment["n_illustrative"] else t("provenance.published"),
            "view": view}
