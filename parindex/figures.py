"""Every page's figures, framed and worded, from query results: one builder per chart, shared by
the pages and the press kit, so a downloaded ZIP holds exactly the charts the pages show.

A builder's figure is kept per view (`_kept`, parindex.kept: no Streamlit, so the press kit and the
command line use these builders too): the same arguments, data frames compared by their content,
give the same figure object, built once for every reader. A new data version changes the
frames and so the key. The figure is shared: a caller never changes it (charts.watermark marks a
copy for a draft)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from parindex import charts, fmt, frames, labels
from parindex.i18n import Translator
from parindex.kept import Kept, forget_all

_kept = Kept  # per builder, at most 128 figures: bounded memory


def forget() -> None:
    """Drop every kept figure: the state of a server that has not yet drawn this data version."""
    forget_all()


@_kept
def tiers(
    tier_counts: pd.DataFrame, summary: pd.Series, assessment: pd.Series, *, lang: str, group_name: str, year: int
) -> go.Figure:
    """Units per tier. tier_counts needs the columns n (units) and label (in the reader's language)."""
    t = Translator(lang)
    best = tier_counts.iloc[0]
    fig = charts.tier_distribution(tier_counts, lang, count_title=t("chart.units_axis"))
    return charts.frame(
        fig,
        lang=lang,
        title=t(
            "overview.chart_title",
            n=int(best["n"]),
            of=int(summary["n_units"]),
            group=labels.lower_first(group_name),
            tier=best["label"],
            year=year,
        ),
        subtitle=t("overview.chart_subtitle", group=group_name, year=year),
        source=labels.source_line(assessment, t),
        height=60 * len(tier_counts),
    )


TOP_BOTTOM = 10  # a long ranking's chart for a phone: this many from each end
LONG = 2 * TOP_BOTTOM + 5  # more scored units than this make a long ranking (the 99 communes)


def _marked(subtitle: str, name: str | None, t: Translator) -> str:
    """A chart that marks the reader's unit names it in the subtitle ("Đánh dấu: Sở Y tế"): the
    mark is then told in words too, and stays with every copy of the image."""
    return f"{subtitle} · {t('chart.highlighted', name=name)}" if name else subtitle


def _name_of(rows: pd.DataFrame, unit: str | None, t: Translator) -> str | None:
    """The full name of `unit` from rows holding it (None when it is not among them)."""
    found = rows[rows["unit_id"] == unit] if unit else rows.iloc[:0]
    return labels.unit_name(found.iloc[0], t) if not found.empty else None


@_kept
def ranking(
    rows: pd.DataFrame,
    assessment: pd.Series,
    *,
    lang: str,
    group_name: str,
    year: int,
    highlight: str | None = None,
    whole: bool = False,
    note: str | None = None,
    subset: bool = False,
) -> go.Figure | None:
    """Scored units in rank order, by tier; None when fewer than two units have a score.
    `subset`: `rows` are part of the group (the communes of a former province or district), each
    with its rank in the whole group; the title and the partial-table note speak of the part.

    `highlight` (a unit id) is outlined and its label marked. A long ranking (more than LONG
    scored units) is drawn by its ends unless `whole`: the first and the last TOP_BOTTOM units, a
    marked gap between them saying how many are left out (and the highlighted unit in its place
    when it is one of them): a chart of a hundred bars that a phone, or an image, can read. The
    height grows with the bars drawn, 26 px each, labels at 13 px."""
    t = Translator(lang)
    scored = rows.dropna(subset=["total"])
    if len(scored) < 2:
        return None
    top_bottom = None if whole or len(scored) <= LONG else TOP_BOTTOM
    records = scored.to_dict("records")
    bars = scored.assign(
        label=[labels.unit_name(row, t, "short") for row in records],
        value=scored["total"],
        tier_label=[labels.tier_label(row, t) for row in records],
        hover=[labels.ranking_hover(row, t) for row in records],
    ).reset_index(drop=True)
    order = list(bars["label"])
    subtitle = t("rankings.chart_subtitle", group=group_name, year=year)
    if top_bottom and len(bars) > 2 * top_bottom + 1:
        keep = set(range(top_bottom)) | set(range(len(bars) - top_bottom, len(bars)))
        chosen = bars.index[bars["unit_id"] == highlight].tolist()
        keep |= set(chosen)
        order = []
        for i in range(len(bars)):
            if i in keep:
                order.append(bars.at[i, "label"])
            elif i - 1 in keep:  # the first row of a run left out: one gap for the run
                run = next((j for j in range(i, len(bars)) if j in keep), len(bars)) - i
                order.append(t("rankings.gap", n=run))
        bars = bars.loc[sorted(keep)]
        subtitle = t("rankings.top_bottom_subtitle", n=top_bottom, total=len(scored), group=group_name, year=year)
    marked = bars.loc[bars["unit_id"] == highlight, "label"].tolist() if highlight else []
    fig = charts.ranking_bars(
        bars,
        lang,
        axis_max=float(assessment["max_total"]),
        value_title=t("rankings.axis", max=fmt.number(assessment["max_total"], lang, 0)),
        order=order,
        highlight=marked[0] if marked else None,
    )
    n_units = len(rows) if subset or fmt.is_missing(assessment["n_units"]) else assessment["n_units"]
    if len(scored) < n_units:  # a partial table (a few published figures) says so
        subtitle += " · " + t("rankings.partial", n=len(scored), of=int(n_units))
    subtitle = _marked(subtitle, _name_of(bars, highlight, t) if marked else None, t)
    return charts.frame(
        fig,
        lang=lang,
        title=labels.leader_title(rows, t, group=group_name, year=year, subset=subset),
        subtitle=subtitle,
        source=labels.source_line(assessment, t),
        note=note,
        height=30 + 26 * len(order),
        legend=True,
    )


@_kept
def area_heatmap(
    areas: pd.DataFrame,
    summary: pd.DataFrame,
    assessment: pd.Series,
    *,
    lang: str,
    group_name: str,
    year: int,
    highlight: str | None = None,
) -> go.Figure:
    """Units by criterion area on the fixed 0-100 scale; the title names the weakest area.
    `highlight` (a unit id) has its row outlined and its label marked. A row is 24 px at any
    count (the 99 communes: a tall chart the page scrolls, every cell printed and readable)."""
    t = Translator(lang)
    weakest = summary.sort_values("mean_pct").iloc[0]
    marked = areas.loc[areas["unit_id"] == highlight, f"short_{lang}"].head(1).tolist() if highlight else []
    matrix = frames.area_matrix(areas, t, mean_label=t("criteria.group_mean"))
    fig = charts.heatmap(matrix, lang, highlight=marked[0] if marked else None)
    return charts.frame(
        fig,
        lang=lang,
        title=t(
            "criteria.heatmap_title", area=weakest[f"area_{lang}"], pct=fmt.number(weakest["mean_pct"], lang), year=year
        ),
        subtitle=_marked(
            t("criteria.heatmap_subtitle", group=group_name, year=year),
            _name_of(areas, highlight, t) if marked else None,
            t,
        ),
        source=labels.source_line(assessment, t),
        height=24 * (areas["unit_id"].nunique() + 1) + 20,
        top_labels=charts.heading_room(matrix.columns),
        right=charts.HEATMAP_RIGHT,
    )


def by_district(areas: pd.DataFrame, origins: pd.DataFrame) -> bool:
    """A long list of units formed from former districts (the 99 communes) reads first by district."""
    return not origins.empty and areas["unit_id"].nunique() > LONG


@_kept
def district_heatmap(
    areas: pd.DataFrame,
    origins: pd.DataFrame,
    summary: pd.DataFrame,
    assessment: pd.Series,
    *,
    lang: str,
    group_name: str,
    year: int,
) -> go.Figure:
    """A long list of communes grouped by the former district they were formed from: the mean %
    per area of each district's communes, weakest district first; the title names the weakest
    area of the whole group, as the full heatmap's does."""
    t = Translator(lang)
    weakest = summary.sort_values("mean_pct").iloc[0]
    matrix = frames.district_matrix(
        areas, origins, t, mean_label=t("criteria.group_mean"), label=t("criteria.district_row")
    )
    fig = charts.heatmap(matrix, lang)
    return charts.frame(
        fig,
        lang=lang,
        title=t(
            "criteria.heatmap_title", area=weakest[f"area_{lang}"], pct=fmt.number(weakest["mean_pct"], lang), year=year
        ),
        subtitle=t("criteria.district_subtitle", group=group_name, year=year),
        source=labels.source_line(assessment, t),
        note=t("criteria.district_note"),
        height=24 * (len(matrix) + 1) + 40,
        top_labels=charts.heading_room(matrix.columns),
        right=charts.HEATMAP_RIGHT,
    )


@_kept
def criterion_heatmap(
    detail: pd.DataFrame,
    *,
    lang: str,
    area_name: str,
    group_name: str,
    year: int,
    source: str,
    highlight: str | None = None,
) -> go.Figure:
    """Units by the criteria of one area, on the same fixed scale; `highlight` (a unit id) has its
    row outlined and its label marked."""
    t = Translator(lang)
    matrix = frames.criterion_matrix(detail, t, mean_label=t("criteria.group_mean"))
    marked = detail.loc[detail["unit_id"] == highlight, f"short_{lang}"].head(1).tolist() if highlight else []
    fig = charts.heatmap(
        matrix, lang, column_names=frames.criterion_names(detail, t), highlight=marked[0] if marked else None
    )
    return charts.frame(
        fig,
        lang=lang,
        title=t("criteria.drill_title", area=area_name, year=year),
        subtitle=_marked(
            t("criteria.drill_subtitle", group=group_name, year=year),
            _name_of(detail, highlight, t) if marked else None,
            t,
        ),
        source=source,
        height=24 * (detail["unit_id"].nunique() + 1) + 20,
        top_labels=charts.heading_room(matrix.columns),
        right=charts.HEATMAP_RIGHT,
    )


@_kept
def points_lost(
    weakest: pd.DataFrame,
    *,
    lang: str,
    threshold: float,
    group_name: str,
    year: int,
    source: str,
    highlight: pd.DataFrame | None = None,
) -> go.Figure:
    """Points lost per criterion, largest first, with the running share (a Pareto chart).
    `highlight`: one unit's own criteria (the unit_criteria query), its share of each bar drawn
    inside it."""
    t = Translator(lang)
    rows = frames.pareto_rows(weakest, t, threshold=threshold)
    name = (
        _name_of(highlight, highlight["unit_id"].iat[0], t) if highlight is not None and not highlight.empty else None
    )
    unit_rows = None
    if name:
        label = dict(zip(rows["criterion_id"], rows["label"]))  # each bar's name: its code and short name
        own = highlight[highlight["criterion_id"].isin(label)]
        unit_rows = pd.DataFrame(
            {
                "label": own["criterion_id"].map(label),
                "points_lost": own["points_lost"],
                "hover": [
                    t(
                        "criteria.unit_lost_hover",
                        name=f"<b>{r['criterion_id']}</b> · {name}",
                        lost=fmt.number(r["points_lost"], lang),
                        max=fmt.number(r["max_points"], lang),
                    )
                    for r in own.to_dict("records")
                ],
            }
        )
    fig = charts.pareto(
        rows,
        lang,
        lost_title=t("criteria.points_lost"),
        share_title=t("criteria.cumulative"),
        flagged_name=t("criteria.flagged", threshold=threshold),
        other_name=t("criteria.not_flagged"),
        unit_rows=unit_rows,
        unit_name=t("criteria.unit_lost", name=name) if name else "",
    )
    return charts.frame(
        fig,
        lang=lang,
        title=t(
            "criteria.pareto_title", n=int((rows["cumulative_share"] <= 0.5).sum() + 1), total=len(rows), year=year
        ),
        subtitle=_marked(t("criteria.pareto_subtitle", group=group_name, year=year), name, t),
        source=source,
        height=22 * len(rows) + 20,
        legend=True,
        top_labels=charts.PARETO_TOP_LINES,
    )


@_kept
def self_gap(
    totals: pd.DataFrame, *, lang: str, group_name: str, year: int, source: str, highlight: str | None = None
) -> go.Figure:
    """Self-assessed total minus the council's, unit by unit, largest gap first; `highlight` (a
    unit id) outlined and its label marked."""
    t = Translator(lang)
    bars = totals.assign(
        label=totals[f"short_{lang}"],
        value=totals["gap"],
        hover=[labels.self_gap_hover(r, t) for r in totals.to_dict("records")],
    )
    name = _name_of(totals, highlight, t)
    marked = bars.loc[bars["unit_id"] == highlight, "label"].iat[0] if name else None
    fig = charts.diverging_bars(
        bars,
        lang,
        value_title=t("criteria.gap_axis"),
        positive_name=t("criteria.over"),
        other_name=t("criteria.not_over"),
        highlight=marked,
    )
    return charts.frame(
        fig,
        lang=lang,
        title=t("criteria.self_title", n=int((totals["gap"] > 0).sum()), of=len(totals), year=year),
        subtitle=_marked(t("criteria.self_subtitle", group=group_name, year=year), name, t),
        source=source,
        note=t("criteria.survey_note"),
        height=22 * len(totals) + 30,
        legend=True,
    )


@_kept
def score_trend(
    trends: pd.DataFrame,
    group_trend: pd.DataFrame,
    events: pd.DataFrame,
    *,
    lang: str,
    group_name: str,
    source: str,
    highlight: str | None = None,
) -> go.Figure:
    """The chosen units' % of maximum over the years, before the group's mean and middle half,
    with breaks where a unit was merged or split; `highlight` (a unit id) has its own line
    emphasised."""
    t = Translator(lang)
    lines = frames.trend_lines(trends, t)
    own = lines[lines["unit_id"] == highlight] if highlight else lines.iloc[:0]
    marked = lines.loc[lines["line_id"] == own["line_id"].iat[0], "series"].iat[0] if not own.empty else None
    lines = lines.assign(hover=[labels.trend_hover(r, t) for r in lines.to_dict("records")])
    # Years without a mean (a partial table: no unit missing may be averaged away) draw nothing, and
    # a group without any draws no empty legend entry.
    spread = group_trend.rename(columns={"p25_pct": "low", "p75_pct": "high"})[["year", "low", "high"]]
    spread = spread if spread["low"].notna().any() else spread.iloc[:0]
    band = group_trend.rename(columns={"mean_pct": "value"})[["year", "value"]]
    fig = charts.history(
        lines,
        lang,
        value_title=t("col.pct"),
        band=band if band["value"].notna().any() else None,
        band_name=t("criteria.group_mean"),
        spread=spread,
        spread_name=t("trends.middle_half"),
        breaks=frames.break_marks(events, lines, t),
        break_name=t("lineage.break"),
        highlight=marked,
    )
    return charts.frame(
        fig,
        lang=lang,
        title=t("trends.score_title", group=labels.lower_first(group_name)),
        subtitle=_marked(
            t("trends.score_subtitle", group=group_name), _name_of(lines, highlight, t) if marked else None, t
        ),
        source=source,
        height=320,
        legend=True,
    )


@_kept
def rank_movement(
    moves: pd.DataFrame, *, lang: str, start: str, end: int, group_name: str, source: str, highlight: str | None = None
) -> go.Figure:
    """Each unit's rank in two years, joined: who rose and who fell; `highlight` (a line id: the
    unit and its former names) marked."""
    t = Translator(lang)
    # Biggest risers first, biggest fallers last, each row saying its change: read as a list on a phone.
    moves = moves.sort_values(["moved", "rank_to"], ascending=[False, True], kind="stable")
    moves = moves.assign(
        label=[f"{name} {labels.rank_change_arrow(m)}" for name, m in zip(moves[f"short_{lang}"], moves["moved"])],
        hover=[
            t(
                "trends.move_hover",
                name=r[f"name_{lang}"],
                a=int(r["rank_from"]),
                b=int(r["rank_to"]),
                start=start,
                end=end,
            )
            for r in moves.to_dict("records")
        ],
    )
    marked = moves[moves["line_id"] == highlight] if highlight else moves.iloc[:0]
    fig = charts.dumbbell(
        moves,
        lang,
        from_name=start,
        to_name=str(end),
        rank_title=t("col.rank"),
        highlight=marked["label"].iat[0] if not marked.empty else None,
    )
    return charts.frame(
        fig,
        lang=lang,
        title=t(
            "trends.movement_title",
            up=int((moves["moved"] > 0).sum()),
            down=int((moves["moved"] < 0).sum()),
            start=start,
            end=end,
        ),
        subtitle=_marked(
            t("trends.movement_subtitle", group=group_name),
            labels.unit_name(marked.iloc[0], t) if not marked.empty else None,
            t,
        ),
        source=source,
        height=24 * len(moves) + 30,
        legend=True,
    )


@_kept
def area_trend(areas: pd.DataFrame, *, lang: str, group_name: str, source: str) -> go.Figure:
    """The group's mean % of maximum per area over the years, changes of criteria set marked."""
    t = Translator(lang)
    fig = charts.area_lines(
        frames.area_series(areas, t),
        lang,
        value_title=t("col.pct"),
        change_years=frames.framework_changes(areas),
        change_text=t("trends.framework_change"),
    )
    return charts.frame(
        fig,
        lang=lang,
        title=t("trends.areas_title", years=labels.year_span(areas["year"])),
        subtitle=t("trends.areas_subtitle", group=group_name),
        source=source,
        height=320,
        legend=True,
    )


@_kept
def tier_history(tiers: pd.DataFrame, *, lang: str, group_name: str, source: str) -> go.Figure:
    """Units per tier, year by year, each year with its own tier labels."""
    t = Translator(lang)
    fig = charts.tier_stack(
        tiers.assign(label=tiers[f"label_{lang}"]),
        lang,
        count_title=t("chart.units_axis"),
        order_names={n: t(f"trends.tier_{n}") for n in (1, 2, 3, 4)},
    )
    return charts.frame(
        fig,
        lang=lang,
        title=t("trends.tiers_title", group=labels.lower_first(group_name)),
        subtitle=t("trends.tiers_subtitle"),
        source=source,
        height=300,
        legend=True,
    )


@_kept
def unit_history(history: pd.DataFrame, *, lang: str) -> go.Figure:
    """One unit's % of maximum over the years (named as it is now), before its group's mean."""
    t = Translator(lang)
    scored = history.dropna(subset=["pct"])
    latest = history.iloc[-1]  # the line is named as it is now; each year's name is in the hover
    lines = history.assign(
        series=labels.unit_name(latest, t),
        value=history["pct"],
        hover=[labels.history_hover(r, t) for r in history.to_dict("records")],
    )
    band = history[["year", "group_mean_pct"]].rename(columns={"group_mean_pct": "value"}).dropna()
    fig = charts.history(lines, lang, value_title=t("col.pct"), band=band, band_name=t("criteria.group_mean"))
    return charts.frame(
        fig,
        lang=lang,
        title=t("unit.history_title", name=labels.unit_name(latest, t), years=labels.year_span(scored["year"])),
        subtitle=t("unit.history_subtitle"),
        source=labels.history_source(history, t),
        height=300,
        legend=True,
    )


@_kept
def unit_areas(areas: pd.DataFrame, *, lang: str, unit_name: str, group_name: str, year: int, source: str) -> go.Figure:
    """One unit's % of maximum per area against its group's mean and best; the title names the
    area furthest below the mean."""
    t = Translator(lang)
    profile = areas.assign(label=areas[f"area_short_{lang}"])
    fig = charts.area_profile(
        profile,
        lang,
        unit_name=unit_name,
        mean_name=t("criteria.group_mean"),
        best_name=t("unit.best"),
        value_title=t("col.pct"),
    )
    weakest = profile.assign(gap=profile["pct"] - profile["group_mean_pct"]).sort_values("gap").iloc[0]
    return charts.frame(
        fig,
        lang=lang,
        title=t("unit.areas_title", area=weakest["label"], year=year),
        subtitle=t("unit.areas_subtitle", group=group_name, year=year),
        source=source,
        height=28 * len(profile) + 40,
        legend=True,
    )


PEER_GAPS_TOP = 10  # the chart of a unit's largest gaps to its group's best shows this many


@_kept
def peer_gaps(
    gaps: pd.DataFrame, *, lang: str, unit_name: str, group_name: str, year: int, source: str
) -> go.Figure | None:
    """The sub-criteria where the unit is furthest below its group's best (unit_peer_gaps rows),
    each as % of its maximum: the unit, the group's mean and its best; the title names the
    largest gap in points. None when the unit is nowhere behind."""
    t = Translator(lang)
    rows = frames.peer_gap_rows(gaps, top=PEER_GAPS_TOP, lang=lang)
    if rows.empty:
        return None
    fig = charts.area_profile(
        rows,
        lang,
        unit_name=unit_name,
        mean_name=t("criteria.group_mean"),
        best_name=t("unit.best"),
        value_title=t("col.pct"),
    )
    unscored = int(gaps["final_points"].isna().sum())
    return charts.frame(
        fig,
        lang=lang,
        title=labels.peer_gap_title(rows, t, unit=unit_name, year=year),
        subtitle=t("unit.peer_subtitle", n=len(rows), group=group_name, year=year),
        source=source,
        note=t("unit.peer_unscored", n=unscored) if unscored else None,
        height=28 * len(rows) + 40,
        legend=True,
    )


@_kept
def compare_areas(
    areas: pd.DataFrame, chosen: list[str], short: dict[str, str], *, lang: str, group_name: str, year: int, source: str
) -> go.Figure:
    """The chosen units' % of maximum per area, side by side, in the order the reader chose them."""
    t = Translator(lang)
    bars = areas.assign(category=areas[f"area_short_{lang}"], series=areas["unit_id"].map(short), value=areas["pct"])
    bars = bars.set_index("unit_id").loc[chosen].reset_index()
    fig = charts.grouped_bars(bars, lang, value_title=t("col.pct"))
    return charts.frame(
        fig,
        lang=lang,
        title=t("compare.areas_title", units=", ".join(short[u] for u in chosen), year=year),
        subtitle=t("compare.areas_subtitle", group=group_name, year=year),
        source=source,
        height=26 * len(bars) + 40,
        legend=True,
    )


@_kept
def compare_history(histories: pd.DataFrame, *, lang: str, year: int) -> go.Figure:
    """The chosen units' % of maximum over the years, to the chosen year."""
    t = Translator(lang)
    lines = histories.assign(
        value=histories["pct"], hover=[labels.history_hover(r, t) for r in histories.to_dict("records")]
    )
    fig = charts.history(lines, lang, value_title=t("col.pct"))
    return charts.frame(
        fig,
        lang=lang,
        title=t("compare.history_title", year=year),
        subtitle=t("compare.history_subtitle"),
        source=labels.history_source(histories, t),
        height=300,
        legend=True,
    )


@_kept
def national_place(place: pd.DataFrame, *, lang: str, name: str, rank_of: int, note: str | None = None) -> go.Figure:
    """The province's place among `rank_of` provinces, year by year, one line per `series` (the
    provinces it was formed from); derived places marked. The headline quotes published places only
    (or says derived)."""
    t = Translator(lang)
    place = place.assign(hover=[labels.national_hover(r, t) for r in place.to_dict("records")])
    fig = charts.rank_history(
        place,
        lang,
        rank_title=t("national.rank_axis", of=rank_of),
        rank_of=rank_of,
        derived_name=t("national.derived"),
        stated_name=t("national.stated"),
    )
    several = "series" in place and place["series"].nunique() > 1
    notes = [n for n in (labels.missing_years_note(place, t), note) if n]
    return charts.frame(
        fig,
        lang=lang,
        title=labels.national_headline(place, t, name=name),
        subtitle=t("national.chart_subtitle_merged" if several else "national.chart_subtitle", of=rank_of),
        source=labels.national_source(place, t),
        note=" ".join(notes) or None,
        height=340 if several else 300,
        legend=True,
    )
