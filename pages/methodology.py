"""Dữ liệu: how the index is built, year by year, where every figure comes from, and the data."""

import streamlit as st

from parindex import app, cells, export, labels, ui
from parindex.db import query

ctx = app.context()
t = ctx.t
st.title(t("method.title"))
st.markdown(t("method.intro"))

st.header(t("method.assessments_heading"))
assessments = query("assessment_list", jurisdiction=ctx.place, drafts=ctx.drafts)
ui.table(labels.assessment_table(assessments, t))
if assessments["n_illustrative"].gt(0).any():
    st.caption(t("method.assessments_note"))

st.header(t("method.frameworks_heading"))
areas = query("framework_areas", jurisdiction=ctx.place)
if areas.empty:
    st.caption(t("method.no_frameworks"))
for _, part in areas.groupby("framework_id", sort=False):
    head = part.iloc[0]
    st.markdown(
        t(
            "method.framework_line",
            name=head[f"name_{ctx.lang}"],
            first=int(head["first_year"]),
            last=int(head["last_year"]),
            provenance=t(f"provenance.{head['provenance']}"),
        )
    )
    st.dataframe(labels.framework_table(part, t), hide_index=True, width="stretch")

st.header(t("method.tiers_heading"))
tier_rows = query("tier_table", jurisdiction=ctx.place)
if tier_rows.empty:
    st.caption(t("method.no_tiers"))
else:
    st.dataframe(labels.tier_table(tier_rows, t), hide_index=True, width="stretch")

st.header(t("method.lineage_heading"))
ui.table(labels.lineage_table(query("lineage_list"), t))

st.header(t("method.download_heading"))
st.markdown(t("method.download_text"))


def dataset_file() -> bytes:
    """Every visible result and score, with where each comes from (built when the button is pressed)."""
    results = query("dataset_results", drafts=ctx.drafts)
    about = {
        "title": t("app.title"),
        "source": labels.dataset_source(results, t),
        "provenance": t("method.download_provenance"),
        "view": "/du-lieu",
    }
    return export.xlsx({"results": results, "scores": query("dataset_scores", drafts=ctx.drafts)}, about, t)


st.download_button(
    t("method.download_button"),
    icon=":material/download:",
    data=dataset_file,
    file_name=f"{export.file_name(None, None, 'dataset', t)}.xlsx",
    mime=cells.XLSX_MIME,
)
