"""What the report says: every figure from the queries, labels and figure builders the pages use
(Overview, Rankings, Criteria, Trends, National, Unit profile), so that every number in the
document is the number on screen. Nothing is said where the data cannot support it: a year
without scores has no mean, no ranking chart and no areas, and the document says why."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pandas as pd
import plotly.graph_objects as go

from parindex import charts, figures, fmt, frames, images, labels, planning
from parindex.db import query
from parindex.i18n import Translator
from parindex.presskit import View
from parindex.report.model import Annex, Document, Heading, Image, Paragraph, Run, Table

__all__ = ["Refused", "View", "unit_brief", "year_report"]

THRESHOLD = 80  # % of maximum under which a unit is counted as weak in an area (as on the Criteria page)
WORST_AREAS = 3  # the areas where the group loses most points
WEAKEST_CRITERIA = 5
MOVED = 3  # units that moved most, each way (more where several share the last place of the list)
WEAKEST_SUBCRITERIA = 5  # as on the Unit profile


class Refused(LookupError):
    """The assessment or unit is not visible to this reader (a draft for an anonymous reader, or absent)."""


def year_report(view: View) -> Document:
    """The year's report on one group (its subset where the view has one)."""
    t = Translator(view.lang)
    assessment = _assessment(view)
    group_name = view.group_name or t(f"group.{view.group}")
    group = labels.lower_first(group_name)
    summary = query("group_summary", **view.scoped).iloc[0]
    tiers = frames.tier_rows(query("tier_counts", **view.scoped), view.lang)
    ranking = query("ranking", **view.scoped)
    if ranking.empty:
        raise Refused(t("report.no_results", group=group, year=view.year))
    areas = query("area_scores", **view.scoped)
    area_summary = query("area_summary", threshold=THRESHOLD, **view.scoped)
    draft = assessment["status"] == "draft"

    doc = _document(view, t, title=t("report.title", group=group, year=view.year), draft=draft)
    doc.add(Paragraph.of(t("report.intro", group=group, year=view.year, source=labels.source_line(assessment, t))))

    doc.add(Heading(t("report.h_overall")))
    doc.add(
        Paragraph.of(
            labels.summary_paragraph(
                summary, tiers, area_summary, assessment, group_name=group_name, t=t, subset=view.is_subset
            )
        )
    )
    if fmt.is_missing(summary["mean_total"]):
        doc.add(
            Paragraph.of(
                t("report.no_mean", scored=int(summary["n_scored"]), units=int(summary["n_units"]))
                if summary["n_scored"]
                else t("report.no_scores", year=view.year)
            )
        )
    for _, tier in tiers.iterrows():  # what the paragraph leaves out: the names of a large tier, withheld names
        if not _tier_named_in(tier):
            doc.add(_tier_item(tier, t))
    if not tiers.empty:
        doc.add(
            _image(
                figures.tiers(tiers, summary, assessment, lang=t.lang, group_name=group_name, year=view.year),
                draft,
                t,
                t("report.fig_tiers", year=view.year),
            )
        )

    doc.add(Heading(t("report.h_ranking")))
    note = t("scope.ranks_note") if view.is_subset else None
    chart = figures.ranking(
        ranking, assessment, lang=t.lang, group_name=group_name, year=view.year, note=note, subset=view.is_subset
    )
    if chart is not None:
        doc.add(_image(chart, draft, t, t("report.fig_ranking", year=view.year)))
    else:
        doc.add(Paragraph.of(t("report.no_ranking_chart")))
    doc.add(ranking_table(ranking, t))
    if ranking["total"].notna().any() and ranking["prev_year"].notna().any():  # the Rankings page's footnote
        footnote = "rankings.footnote_published" if assessment["ranking"] == "published" else "rankings.footnote"
        doc.add(Paragraph.of(t(footnote, prev=labels.previous_year_text(ranking, t)), italic=True))
    elif ranking["total"].notna().any():  # nothing to compare with: the ties rule alone
        doc.add(Paragraph.of(t("report.ties_note"), italic=True))

    doc.add(Heading(t("report.h_areas")))
    if areas.empty:
        doc.add(Paragraph.of(t("criteria.no_data", year=view.year)))
    else:
        _areas_section(doc, view, t, assessment, areas, area_summary, group_name, draft)
        _self_assessment_section(doc, view, t)

    doc.add(Heading(t("report.h_previous")))
    _previous_section(doc, view, t, summary, ranking, assessment)

    if not view.is_subset:
        doc.add(Heading(t("report.h_national")))
        doc.add(Paragraph.of(_national_text(view, t)))

    doc.add(Heading(t("report.h_sources")))
    _sources(doc, t, assessment)

    doc.add(Annex(t("report.annex_title"), t("report.annex_subtitle", group=group, year=view.year)))
    doc.add(annex_table(ranking, areas, t))
    return doc


def unit_brief(view: View, unit_id: str) -> Document:
    """One unit's two pages for a meeting: the Unit profile page's figures, in its order."""
    t = Translator(view.lang)
    assessment = _assessment(view)
    ranking = query("ranking", **view.params)  # the profile is against the whole group
    this_year = ranking[ranking["unit_id"] == unit_id]
    if this_year.empty:
        raise Refused(t("report.no_unit", unit=unit_id, year=view.year))
    row = this_year.iloc[0]
    unit = query("unit", unit=unit_id, drafts=view.drafts).iloc[0]
    name = labels.capitalised(labels.unit_name(unit, t))
    draft = assessment["status"] == "draft"

    history = query("unit_history", unit=unit_id, drafts=view.drafts)
    doc = _document(view, t, title=t("report.unit_title", name=name, year=view.year), draft=draft)
    doc.add(Heading(t("report.h_unit_result")))
    result = [
        (t("col.total"), labels.total_text(row, t)),
        (t("col.score_change"), labels.score_change_text(row, t)),
        (t("col.pct"), fmt.percent(row["pct"] / 100, t.lang) if not fmt.is_missing(row["pct"]) else fmt.NA),
        (t("col.rank"), labels.rank_text(row, t)),
        (t("col.rank_change"), labels.rank_change_text(row, t)),
        (t("col.tier"), labels.tier_label(row, t)),
    ]
    before = history[history["year"] == row["prev_year"]] if not fmt.is_missing(row["prev_year"]) else history.iloc[:0]
    if not before.empty:  # the tier's change: the line's tier the year before (under its name then)
        result.append((t("report.prev_tier", year=int(row["prev_year"])), labels.tier_label(before.iloc[0], t)))
    if len(result) % 2:
        result.append(("", ""))
    pairs = tuple((*result[i], *result[i + 1]) for i in range(0, len(result), 2))  # two a row: the brief is two pages
    doc.add(Table((t("report.col_item"), t("report.col_value")) * 2, pairs, widths=(2, 2.6, 2, 2.6), font_pt=10.5))

    doc.add(Heading(t("report.h_unit_history")))
    history_table = labels.history_table(history, t).text()
    relative = {
        t("filter.year"): 0.8,
        t("col.unit"): 2.2,
        t("col.total"): 1.6,
        t("col.pct"): 1.3,
        t("col.rank"): 1.0,
        t("col.tier"): 3.1,
        t("col.data"): 1.5,
    }
    doc.add(
        frame_table(
            history_table, numeric=(2, 3, 4), widths=tuple(relative[c] for c in history_table.columns), font_pt=10.5
        )
    )
    doc.add(Paragraph.of(labels.history_source(history, t), italic=True))

    areas = query("unit_areas", unit=unit_id, year=view.year, drafts=view.drafts)
    if areas.empty:
        doc.add(Paragraph.of(t("unit.no_criteria", year=view.year)))
    else:
        doc.add(Heading(t("report.h_unit_areas")))
        doc.add(
            Table(
                (t("unit.col_area"), labels.unit_name(row, t, "short"), t("criteria.group_mean"), t("unit.best")),
                tuple(
                    (a[f"area_{t.lang}"], _pct(a["pct"], t), _pct(a["group_mean_pct"], t), _pct(a["group_best_pct"], t))
                    for a in areas.to_dict("records")
                ),
                numeric=frozenset({1, 2, 3}),
                widths=(4, 2, 2, 2),
                font_pt=10.5,
            )
        )
        subs = query("unit_subcriteria", unit=unit_id, year=view.year, drafts=view.drafts)
        doc.add(Heading(t("report.h_unit_weakest")))
        doc.add(
            frame_table(
                labels.unit_subcriteria_table(subs.head(WEAKEST_SUBCRITERIA), t).text(),
                numeric=(3, 4),
                widths=(1.3, 5, 2, 1.4, 1.2),
                font_pt=10.5,
            )
        )
        doc.add(Heading(t("report.h_unit_next")))
        _next_tier(doc, t, view, row, subs)

    doc.add(Heading(t("report.h_sources")))
    _sources(doc, t, assessment)
    return doc


def _assessment(view: View) -> pd.Series:
    found = query("assessment", **view.params)
    if found.empty:  # absent, or a draft and the reader may not see drafts: the same answer
        t = Translator(view.lang)
        raise Refused(t("report.no_assessment", group=labels.lower_first(t(f"group.{view.group}")), year=view.year))
    return found.iloc[0]


def _document(view: View, t: Translator, *, title: str, draft: bool) -> Document:
    places = query("jurisdictions", drafts=view.drafts)
    match = places[places["jurisdiction_id"] == view.jurisdiction]
    place = _place(match.iloc[0]["name_vi"] if not match.empty else view.jurisdiction)
    return Document(
        lang=t.lang,
        issuer_parent=t("report.issuer_parent", place=place.upper()),
        issuer=t("report.issuer"),
        motto=(t("report.nation"), t("report.motto")),
        number=t("report.number"),
        place_date=t("report.place_date", place=place),
        kind=t("report.kind"),
        title=title,
        recipients_heading=t("report.recipients_heading"),
        recipients=tuple(t("report.recipients").split("\n")),
        signer=tuple(t("report.signer").split("\n")),
        draft=t("report.draft") if draft else None,
        core_title=title,
    )


def _place(name: str) -> str:
    """'tỉnh Lào Cai' → 'Lào Cai'; 'Yên Bái (đến 2024)' → 'Yên Bái': as the header and the date line name it."""
    return name.split(" (")[0].strip().removeprefix("tỉnh ").removeprefix("Tỉnh ")


def _tier_named_in(tier: pd.Series) -> bool:
    """Whether the summary paragraph already names every unit of the tier (labels.summary_paragraph's rule)."""
    return not tier["n"] or (tier["n"] == tier["n_named"] and tier["n"] <= labels.NAMED_PER_TIER)


def _tier_item(tier: pd.Series, t: Translator) -> Paragraph:
    """'- Từ 90 điểm trở lên: 6 đơn vị (31,58%): names' as the announcements list them; every
    name the data holds (a document is read whole), the published count where names were withheld."""
    count = t("overview.tier_count", n=fmt.integer(tier["n"], t.lang), share=fmt.percent(tier["share"], t.lang))
    runs = [Run(tier["label"], bold=True), Run(": " + count)]
    names = tier[f"names_{t.lang}"]
    if isinstance(names, str) and names:
        runs.append(Run(": " + names))
    if tier["n"] > tier["n_named"]:
        runs.append(
            Run(
                " "
                + (
                    t("overview.names_withheld", named=int(tier["n_named"]))
                    if tier["n_named"]
                    else t("overview.no_names")
                )
            )
        )
    return Paragraph(tuple(runs), bullet=True)


IMAGE_WIDTH_PX = 860  # a desktop page's chart column: the chart's text prints at about the body's size


def _image(fig: go.Figure, draft: bool, t: Translator, caption: str) -> Image:
    """The page's figure as a PNG (its frame, source and notes inside) as wide as on a desktop
    screen and as tall as the page draws it, watermarked for a draft."""
    if draft:
        fig = charts.watermark(fig, t("chart.draft"))
    height = int(fig.layout.height)
    return Image(images.render_at(fig, "png", IMAGE_WIDTH_PX, height), IMAGE_WIDTH_PX, height, caption)


def ranking_table(ranking: pd.DataFrame, t: Translator) -> Table:
    """The Rankings page's table (labels.ranking_table), less its data column (the sources say it)
    and the year before's columns (on a portrait page; the changes stand for them)."""
    widths = {
        t("col.rank"): 1.1,
        t("col.unit"): 4.0,
        t("col.total"): 1.2,
        t("col.tier"): 3.1,
        t("col.rank_change"): 1.2,
        t("col.score_change"): 1.3,
        t("col.pct"): 1.4,
    }
    table = labels.ranking_table(ranking, t).text()
    table = table[[c for c in table.columns if c in widths]]
    numeric = [i for i, c in enumerate(table.columns) if c not in (t("col.unit"), t("col.tier"))]
    return frame_table(table, numeric=numeric, widths=tuple(widths[c] for c in table.columns), font_pt=10.5)


def frame_table(table: pd.DataFrame, *, numeric=(), widths=None, font_pt: float = 11) -> Table:
    return Table(
        tuple(str(c) for c in table.columns),
        tuple(tuple(str(v) for v in row) for row in table.itertuples(index=False)),
        numeric=frozenset(numeric),
        widths=widths,
        font_pt=font_pt,
    )


def annex_table(ranking: pd.DataFrame, areas: pd.DataFrame, t: Translator) -> Table:
    """The shape of the decision's annex: one row per unit in rank order, its points in each area
    (with the area's maximum in the heading), its total, rank and tier."""
    area_cols: list[tuple[str, str]] = []
    points: dict[tuple[str, str], float] = {}
    if not areas.empty:
        heads = areas.drop_duplicates("area_key").sort_values("area_order")
        area_cols = [
            (a["area_key"], f"{a[f'area_short_{t.lang}']} ({fmt.number(a['max_points'], t.lang)})")
            for a in heads.to_dict("records")
        ]
        points = {(a["unit_id"], a["area_key"]): a["final_points"] for a in areas.to_dict("records")}
    maximum = ranking["max_total"].dropna()
    total_head = t("col.total") + (f" ({fmt.number(maximum.iat[0], t.lang, 0)})" if not maximum.empty else "")
    scored = ranking["total"].notna().any()  # a year of tiers only has no total or rank to print
    columns = (
        t("report.col_no"),
        t("col.unit"),
        *(head for _, head in area_cols),
        *((total_head, t("col.rank")) if scored else ()),
        t("col.tier"),
    )
    rows = []
    for i, r in enumerate(ranking.to_dict("records"), start=1):
        rows.append(
            (
                str(i),
                labels.unit_name(r, t),
                *(fmt.number(points.get((r["unit_id"], key)), t.lang) for key, _ in area_cols),
                *((fmt.number(r["total"], t.lang), labels.rank_text(r, t)) if scored else ()),
                labels.tier_label(r, t),
            )
        )
    n = len(area_cols) + (2 if scored else 0)
    return Table(
        columns,
        tuple(rows),
        numeric=frozenset({0, *range(2, n + 2)}),
        widths=(1.0, 4.5, *(1.3,) * len(area_cols), *((1.4, 1.3) if scored else ()), 3.2),
        font_pt=9 if area_cols else 10.5,
    )


def _areas_section(
    doc: Document, view: View, t: Translator, assessment, areas, area_summary, group_name, draft
) -> None:
    origins = query("unit_origin_map", jurisdiction=view.jurisdiction, group=view.group)
    if figures.by_district(areas, origins):  # 99 communes read by former district, as the Criteria page first shows
        fig = figures.district_heatmap(
            areas, origins, area_summary, assessment, lang=t.lang, group_name=group_name, year=view.year
        )
    else:
        fig = figures.area_heatmap(areas, area_summary, assessment, lang=t.lang, group_name=group_name, year=view.year)
    doc.add(_image(fig, draft, t, t("report.fig_areas", year=view.year)))
    worst = _with_ties(
        area_summary.sort_values(["points_lost", "area_order"], ascending=[False, True]), "points_lost", WORST_AREAS
    )
    doc.add(Paragraph.of(t("report.worst_areas", n=len(worst))))
    for a in worst.to_dict("records"):
        doc.add(
            Paragraph(
                (
                    Run(a[f"area_{t.lang}"], bold=True),
                    Run(
                        ": "
                        + t(
                            "report.area_item",
                            mean=fmt.number(a["mean_pct"], t.lang, 1),
                            lost=fmt.number(a["points_lost"], t.lang),
                            n=int(a["n_below"]),
                            of=int(a["n_units"]),
                            threshold=THRESHOLD,
                        )
                    ),
                ),
                bullet=True,
            )
        )
    weakest = _with_ties(
        query("weakest_criteria", threshold=THRESHOLD, **view.scoped), "points_lost", WEAKEST_CRITERIA
    )  # the query orders by points lost
    if not weakest.empty:
        doc.add(Paragraph.of(t("report.weakest_criteria", n=len(weakest))))
        doc.add(
            Table(
                (
                    t("criteria.col_code"),
                    t("criteria.col_name"),
                    t("report.col_mean_pct"),
                    t("report.col_below", threshold=THRESHOLD),
                    t("unit.col_lost"),
                    t("report.col_lost_share"),
                ),
                tuple(
                    (
                        w["criterion_id"],
                        w[f"name_{t.lang}"],
                        fmt.number(w["mean_pct"], t.lang, 1) + "%",
                        f"{int(w['n_below'])}/{int(w['n_units'])}",
                        fmt.number(w["points_lost"], t.lang),
                        fmt.percent(w["lost_share"], t.lang),
                    )
                    for w in weakest.to_dict("records")
                ),
                numeric=frozenset({2, 3, 4, 5}),
                widths=(1.2, 4.7, 1.4, 1.4, 1.3, 1.5),
                font_pt=10.5,
            )
        )


def _self_assessment_section(doc: Document, view: View, t: Translator) -> None:
    doc.add(Heading(t("report.h_self"), level=2))
    gaps = query("self_assessment", **view.scoped)
    totals = gaps[gaps["area_key"].isna()] if not gaps.empty else gaps
    if totals.empty:
        doc.add(Paragraph.of(t("criteria.no_self", year=view.year)))
        return
    higher = totals[totals["gap"] > 0].sort_values(["gap", f"name_{t.lang}"], ascending=[False, True])
    doc.add(
        Paragraph.of(
            t("report.self_summary", n=len(higher), of=len(totals), mean=fmt.signed(totals["gap"].mean(), t.lang))
        )
    )
    if not higher.empty:
        top = _with_ties(higher, "gap", MOVED)
        doc.add(
            Paragraph.of(
                t("report.self_most")
                + " "
                + "; ".join(f"{r[f'name_{t.lang}']} ({fmt.signed(r['gap'], t.lang)})" for r in top.to_dict("records"))
                + "."
            )
        )


def _with_ties(rows: pd.DataFrame, column: str, n: int) -> pd.DataFrame:
    """The first n rows (sorted already) and every further row tied with the n-th: a list that
    says 'the units that moved most' must not drop one that moved as much."""
    if len(rows) <= n:
        return rows
    last = rows[column].iat[n - 1]
    return rows[(rows.index.isin(rows.index[:n])) | (rows[column] == last)]


def _previous_section(doc: Document, view: View, t: Translator, summary, ranking, assessment) -> None:
    if fmt.is_missing(summary["prev_year"]):
        doc.add(Paragraph.of(t("report.no_previous", year=view.year)))
        return
    prev_year = int(summary["prev_year"])
    previous = query("assessment", **{**view.params, "year": prev_year})
    if (
        not previous.empty
        and previous.iloc[0]["framework_id"] != assessment["framework_id"]
        and not fmt.is_missing(assessment["framework_id"])
        and not fmt.is_missing(previous.iloc[0]["framework_id"])
    ):
        doc.add(
            Paragraph.of(
                t(
                    "report.new_framework",
                    year=view.year,
                    prev=prev_year,
                    name=assessment[f"framework_{t.lang}"],
                    prev_name=previous.iloc[0][f"framework_{t.lang}"],
                )
            )
        )
    if not fmt.is_missing(summary["mean_change"]):
        doc.add(
            Paragraph.of(
                t(
                    "report.mean_change",
                    mean=fmt.number(summary["mean_total"], t.lang),
                    prev_mean=fmt.number(summary["prev_mean_total"], t.lang),
                    prev=prev_year,
                    change=fmt.signed(summary["mean_change"], t.lang),
                )
            )
        )
    else:
        doc.add(Paragraph.of(t("report.no_mean_change", prev=prev_year)))
    new = ranking[ranking["prev_status"] == "new"]
    if not new.empty:
        doc.add(
            Paragraph.of(
                t(
                    "report.new_units",
                    n=len(new),
                    prev=prev_year,
                    names="; ".join(labels.unit_name(r, t) for r in new.to_dict("records")),
                )
            )
        )
    unscored = ranking[ranking["prev_status"] == "no_score"]
    if not unscored.empty and len(unscored) == ranking["total"].notna().sum():
        doc.add(Paragraph.of(t("report.prev_unscored", prev=prev_year)))
    compared = ranking[(ranking["prev_status"] == "compared") & ranking["rank_change"].notna()]
    up = compared[compared["rank_change"] > 0].sort_values(["rank_change", "rank"], ascending=[False, True])
    down = compared[compared["rank_change"] < 0].sort_values(["rank_change", "rank"], ascending=[True, True])
    if compared.empty:
        return
    if up.empty and down.empty:
        doc.add(Paragraph.of(t("report.no_moves", prev=prev_year, n=len(compared))))
    for rows, key in ((up, "report.moved_up"), (down, "report.moved_down")):
        if rows.empty:
            continue
        listed = _with_ties(rows.assign(size=rows["rank_change"].abs()), "size", MOVED)
        # "most" of the units ranked in both years: a partial table (Yên Bái's) ranks only a few
        doc.add(
            Paragraph.of(
                t(key, prev=prev_year, n=len(compared))
                + " "
                + "; ".join(
                    t(
                        "report.move",
                        name=labels.unit_name(r, t),
                        change=labels.rank_change_text(r, t),
                        rank=labels.rank_text(r, t),
                    )
                    for r in listed.to_dict("records")
                )
                + ".",
                bullet=True,
            )
        )


def _national_text(view: View, t: Translator) -> str:
    """The province's published place in the national PAR INDEX that year, or that none was found."""
    years = query("national_years", unit=view.jurisdiction, drafts=view.drafts)
    context = query("national_context", unit=view.jurisdiction, drafts=view.drafts)
    own = context[(context["unit_id"] == view.jurisdiction) & (context["year"] == view.year)]
    if own.empty or fmt.is_missing(own.iloc[0]["rank"]):
        listed = years[years["year"] == view.year]
        return (
            t("report.national_missing", year=view.year)
            if not listed.empty
            else t("report.national_none", year=view.year)
        )
    r = own.iloc[0]
    text = t(
        "report.national_place", year=view.year, name=labels.unit_name(r, t), rank=int(r["rank"]), of=int(r["rank_of"])
    )
    if not fmt.is_missing(r["total"]):
        text += " " + t("report.national_total", total=fmt.number(r["total"], t.lang))
    note = r[f"note_{t.lang}"]
    if isinstance(note, str) and note:  # the data's own note says how a derived place was found
        return text + f" ({note})"
    return text + (" " + t("report.national_derived") if r["derived"] else "")


def _next_tier(doc: Document, t: Translator, view: View, row: pd.Series, subs: pd.DataFrame) -> None:
    tiers = query("tiers", **view.params)
    gap = planning.next_tier_gap(row["total"], tiers)
    if gap is None:
        doc.add(Paragraph.of(labels.no_gap_text(row, tiers, t)))
        return
    target = tiers[tiers["tier_order"] == gap.tier_order].iloc[0]
    doc.add(rich(t("unit.gap", points=fmt.number(gap.points_needed, t.lang), tier=target[f"label_{t.lang}"])))
    recover = planning.recoverable(subs, gap.points_needed)
    doc.add(Paragraph.of(t("unit.recover", n=len(recover))))
    doc.add(
        frame_table(
            labels.unit_subcriteria_table(recover, t, cumulative=True).text(),
            numeric=(3, 4, 5),
            widths=(1.3, 4.4, 2, 1.4, 1.2, 1.3),
            font_pt=10.5,
        )
    )


def _sources(doc: Document, t: Translator, assessment: pd.Series) -> None:
    doc.add(Paragraph.of(labels.source_line(assessment, t), bullet=True))
    if not fmt.is_missing(assessment[f"framework_{t.lang}"]):
        doc.add(Paragraph.of(t("criteria.framework", name=assessment[f"framework_{t.lang}"]), bullet=True))
    note = assessment[f"note_{t.lang}"]
    if isinstance(note, str) and note:
        doc.add(Paragraph.of(note, bullet=True))
    if assessment["n_illustrative"]:
        doc.add(Paragraph.of(t("presskit.illustrative"), bullet=True))
    doc.add(Paragraph.of(t("presskit.generated", at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")), bullet=True))


def _pct(value, t: Translator) -> str:
    return fmt.NA if fmt.is_missing(value) else fmt.number(value, t.lang, 1) + "%"


def rich(text: str) -> Paragraph:
    """A locale string with **bold** parts (as the pages write it) as runs."""
    parts = re.split(r"\*\*", text)
    return Paragraph(tuple(Run(part, bold=i % 2 == 1) for i, part in enumerate(parts) if part))
