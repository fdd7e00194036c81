"""Hồ sơ đơn vị: one unit's year, its history, its areas and what lifts it to the next tier."""

import streamlit as st

from parindex import app, export, figures, fmt, labels, planning, report, ui
from parindex.db import query
from parindex.report import buttons as report_buttons

ctx = app.context()
t = ctx.t
params = ctx.params
group_name = ctx.group_name

ranking = query("ranking", **params)
known = query("units", jurisdiction=ctx.jurisdiction, group=ctx.group, drafts=ctx.drafts)
names = dict(zip(known["unit_id"], known[f"name_{ctx.lang}"]))
# The picker lists the scope (`fp`, `fd`); the profile itself is against the whole group.
listed = query("ranking", **ctx.scoped) if ctx.is_subset else ranking
default = listed["unit_id"].iat[0] if not listed.empty else None
# Without `u`, the profile opens on the reader's unit (app.my_unit), else on the first listed.
app.bind_param(
    "u",
    list(names),
    app.my_unit(names) or default,
    notice=lambda value: t("unit.unknown", value=value, group=group_name),
)
in_year = set(listed["unit_id"]) | ({st.session_state["u"]} if st.session_state.get("u") else set())
choices = [u for u in known["unit_id"] if u in in_year]  # alphabetical (Vietnamese order), easy to find
unit_id = st.selectbox(
    t("unit.pick"),
    choices,
    key="u",
    format_func=names.get,
    placeholder=t("rankings.search_none"),
    on_change=app.remember_choice,
    args=("u",),
)
if unit_id is not None and (unit_id != default or st.query_params.get("u") == unit_id):
    app.remember_unit(unit_id)  # chosen, or named by the link: the unit other pages then mark
app.write_param("u", unit_id, default)
if unit_id is None:
    st.info(t("overview.no_results"))
    st.stop()
unit = query("unit", unit=unit_id, drafts=ctx.drafts).iloc[0]
history = query("unit_history", unit=unit_id, drafts=ctx.drafts)
this_year = ranking[ranking["unit_id"] == unit_id]
st.title(labels.capitalised(labels.unit_name(unit, t)))
st.caption(labels.lineage_text(unit, t))
if labels.unit_note(unit, t):
    st.caption(labels.unit_note(unit, t))
formed_from = labels.origin_text(query("unit_origins", unit=unit_id), t)
if formed_from:
    st.markdown(formed_from)

if this_year.empty:
    then = history[history["year"] == ctx.year]
    if then.empty:
        st.warning(t("unit.not_in_year", name=labels.capitalised(labels.unit_name(unit, t)), year=ctx.year), icon="⚠️")
    else:  # the line's result that year belongs to the unit under another name
        st.info(t("unit.other_name", year=ctx.year, name=labels.unit_name(then.iloc[0], t)), icon="ℹ️")
else:
    row = this_year.iloc[0]
    assessment = query("assessment", **params).iloc[0]
    ui.data_notes(assessment, t)
    cols = st.columns(4)
    change = row["total_change"] if not fmt.is_missing(row["total_change"]) else row["pct_change"]
    cols[0].metric(
        t("col.total"),
        labels.total_text(row, t),
        **ui.metric_delta(change, labels.score_change_text(row, t) if row["prev_status"] == "compared" else None),
    )
    cols[1].metric(t("col.pct"), fmt.percent(row["pct"] / 100, ctx.lang) if not fmt.is_missing(row["pct"]) else fmt.NA)
    cols[2].metric(
        t("col.rank"), labels.rank_text(row, t), **ui.metric_delta(row["rank_change"], labels.rank_delta(row, t))
    )
    cols[3].markdown(f"{t('col.tier')}\n\n**{labels.tier_label(row, t)}**")  # too long for a metric
    pair = planning.compare_start(listed, unit_id)
    # The same pair Compare starts from: the unit beside the best-ranked other.
    if pair[:1] == [unit_id] and len(pair) == 2:
        other = listed[listed["unit_id"] == pair[1]].iloc[0]
        st.page_link(
            ui.PAGES / "compare.py",
            icon=":material/compare_arrows:",
            query_params={"u": pair},
            label=t("unit.compare_link", other=labels.unit_name(other, t), rank=labels.rank_text(other, t)),
        )
    st.caption(t("report.unit_caption"))
    report_buttons.downloads(
        report.View(ctx.jurisdiction, ctx.group, ctx.year, ctx.lang, ctx.drafts), t, key="unit_report", unit=unit_id
    )

# History over all years, following renames.
st.header(t("unit.history_heading"))
scored = history.dropna(subset=["pct"])
history_data = ui.ViewData(export.tidy(history, group=ctx.group), ui.source_metadata(labels.history_source(history, t)))
history_name = ui.file_name(None, None, "history", t, unit_id)
if scored.empty:
    st.caption(t("unit.no_history_scores"))
else:
    ui.chart(
        figures.unit_history(history, lang=ctx.lang),
        file_name=history_name,
        key="history",
        t=t,
        draft=bool(ctx.draft_years),
        data=history_data,
    )
ui.table(labels.history_table(history, t))
ui.data_downloads(history_data, file_name=history_name, t=t, key="history_table")

if this_year.empty:
    st.stop()

areas = query("unit_areas", unit=unit_id, year=ctx.year, drafts=ctx.drafts)
if areas.empty:
    st.caption(t("unit.no_criteria", year=ctx.year))
    st.stop()

st.header(t("unit.areas_heading"))
fig = figures.unit_areas(
    areas,
    lang=ctx.lang,
    unit_name=labels.unit_name(unit, t, "short"),
    group_name=group_name,
    year=ctx.year,
    source=labels.source_line(assessment, t),
)
ui.chart(
    fig,
    file_name=ui.file_name(ctx.year, ctx.group, "areas", t, unit_id),
    key="areas",
    t=t,
    draft=ctx.is_draft,
    data=ui.view_data(areas.assign(unit_id=unit_id), ctx, ui.view_metadata(assessment, t)),
)

subs = query("unit_subcriteria", unit=unit_id, year=ctx.year, drafts=ctx.drafts)
st.header(t("unit.weakest_heading"))
ui.table(labels.unit_subcriteria_table(subs.head(5), t))
ui.data_downloads(
    ui.view_data(subs.assign(unit_id=unit_id), ctx, ui.view_metadata(assessment, t)),
    file_name=ui.file_name(ctx.year, ctx.group, "subcriteria", t, unit_id),
    t=t,
    key="subcriteria",
)

# Each sub-criterion against the group: its mean and its best unit(s), the largest gap to the best first.
peers = query("unit_peer_gaps", unit=unit_id, year=ctx.year, drafts=ctx.drafts)
st.header(t("unit.peer_heading"))
st.caption(t("unit.peer_caption"))
peer_name = ui.file_name(ctx.year, ctx.group, "peers", t, unit_id)
peer_data = ui.view_data(peers.assign(unit_id=unit_id), ctx, ui.view_metadata(assessment, t))
fig = figures.peer_gaps(
    peers,
    lang=ctx.lang,
    unit_name=labels.unit_name(unit, t),
    group_name=group_name,
    year=ctx.year,
    source=labels.source_line(assessment, t),
)
if fig is None:
    st.markdown(t("unit.peer_none", year=ctx.year))
else:
    ui.chart(fig, file_name=peer_name, key="peer_gaps", t=t, draft=ctx.is_draft, data=peer_data)
ui.table(labels.peer_gap_table(peers, t))
ui.data_downloads(peer_data, file_name=peer_name, t=t, key="peer_table")

st.header(t("unit.next_tier_heading"))
tiers = query("tiers", **params)
gap = planning.next_tier_gap(this_year.iloc[0]["total"], tiers)
if gap is None:
    st.markdown(labels.no_gap_text(this_year.iloc[0], tiers, t))
else:
    target = tiers[tiers["tier_order"] == gap.tier_order].iloc[0]
    st.markdown(t("unit.gap", points=fmt.number(gap.points_needed, ctx.lang), tier=target[f"label_{ctx.lang}"]))
    recover = planning.recoverable(subs, gap.points_needed)
    st.markdown(t("unit.recover", n=len(recover)))
    ui.table(labels.unit_subcriteria_table(recover, t, cumulative=True))
