"""Text made from query rows: source lines, changes, figure names. Pure; no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import partial

import pandas as pd

from parindex import export, fmt, tables
from parindex.dataset import GROUPS
from parindex.i18n import Translator


def source_line(assessment: pd.Series, t: Translator) -> str:
    """'Nguồn: <publisher>, <decision>' and, where unit figures are illustrative, says so."""
    parts = [assessment[f"publisher_{t.lang}"]] if not fmt.is_missing(assessment["publisher_vi"]) else []
    if not fmt.is_missing(assessment["decision_no"]):
        parts.append(assessment["decision_no"])
    elif not fmt.is_missing(assessment["document_no"]):
        parts.append(assessment["document_no"])
    line = t("source.prefix") + " " + (", ".join(parts) if parts else t("source.unknown"))
    if assessment["n_illustrative"] > 0 and assessment["source_id"] != "ILL":
        line += " · " + t("source.illustrative_units")
    return line


def tier_label(row: pd.Series, t: Translator) -> str:
    return row[f"tier_{t.lang}"] if not fmt.is_missing(row["tier_order"]) else t("tier.none")


def unit_name(row: pd.Series, t: Translator, field: str = "name") -> str:
    return row[f"{field}_{t.lang}"]


def rank_text(row: pd.Series, t: Translator) -> str:
    if fmt.is_missing(row["rank"]):
        return fmt.NA
    return (
        t("rank.of", rank=int(row["rank"]), of=int(row["rank_of"]))
        if not fmt.is_missing(row["rank_of"])
        else str(int(row["rank"]))
    )


def rank_change_text(row: pd.Series, t: Translator) -> str:
    """↑ 4 (rose four places), ↓ 2, = ; or why there is nothing to compare."""
    status = row["prev_status"]
    if fmt.is_missing(row["rank"]):
        return fmt.NA
    if status != "compared" or fmt.is_missing(row["rank_change"]):
        return _no_comparison(row, t)
    return rank_change_arrow(row["rank_change"])


def score_change_text(row: pd.Series, t: Translator) -> str:
    """Points against last year on the same scale, else percentage points of the maximum."""
    if fmt.is_missing(row["total"]):
        return fmt.NA
    if row["prev_status"] != "compared":
        return _no_comparison(row, t)
    if not fmt.is_missing(row["total_change"]):
        return fmt.signed(row["total_change"], t.lang)
    if not fmt.is_missing(row["pct_change"]):
        return t("change.pct_points", value=fmt.signed(row["pct_change"], t.lang))
    return _no_comparison(row, t)


def _no_comparison(row: pd.Series, t: Translator) -> str:
    status = row["prev_status"]
    if status == "new":
        return t("change.new")
    if status == "first":
        return fmt.NA
    return t("change.no_data", year=int(row["prev_year"]))


def published_figure_label(stat: pd.Series, tiers: pd.DataFrame, t: Translator) -> str:
    """'Điểm trung bình', 'Số đơn vị đạt từ 90 điểm', 'Số đơn vị nhóm Từ 90 điểm trở lên'..."""
    kind, code = stat["kind"], stat["code"]
    if kind in ("count_tier", "count_band"):
        match = tiers[tiers["code"] == code]
        label = match[f"label_{t.lang}"].iat[0] if not match.empty else code
        return t(f"figure.{kind}", tier=label)
    if kind == "count_at_or_above":
        return t("figure.count_at_or_above", points=code)
    return t(f"figure.{kind}")


def figure_value(stat: pd.Series, value, t: Translator) -> str:
    if fmt.is_missing(value):
        return fmt.NA
    return fmt.number(value, t.lang) if stat["kind"] == "mean_total" else fmt.integer(value, t.lang)


def provenance_text(row: pd.Series, t: Translator) -> str:
    text = t(f"provenance.{row['provenance']}")
    return text + " " + t("provenance.derived_suffix") if row["derived"] else text


def ranking_hover(row: pd.Series, t: Translator) -> str:
    return "<br>".join(
        (
            f"<b>{unit_name(row, t)}</b>",
            f"{t('col.total')}: {fmt.number(row['total'], t.lang)} / {fmt.number(row['max_total'], t.lang, 0)}"
            f" ({fmt.percent(row['pct'] / 100, t.lang)})",
            f"{t('col.rank')}: {rank_text(row, t)}",
            f"{t('col.tier')}: {tier_label(row, t)}",
            f"{t('col.data')}: {provenance_text(row, t)}",
        )
    )


def ranking_table(ranking: pd.DataFrame, t: Translator) -> tables.Table:
    """The Rankings table: every quantity a number (a sort orders by value) with its text in the
    reader's language, and the year before beside this year's (rank and score; % of maximum where
    the scale changed) where the unit is comparable: the same line of the same group, scored both
    years. A unit new this year, or without a score then, has those cells empty, never 0.

    Most telling columns first (a phone shows three or four); columns with nothing in them (a year
    that published tiers only) are left out.
    """
    rows = ranking.to_dict("records")
    lang = t.lang
    compared = [r["prev_status"] == "compared" for r in rows]
    points = not ranking_compares_pct(ranking)
    prev = previous_year_text(ranking, t)
    rank, total, rank_change, score_change = (
        t("col.rank"),
        t("col.total"),
        t("col.rank_change"),
        t("col.score_change"),
    )
    prev_rank, prev_score = t("col.prev_rank", year=prev), t("col.prev_total" if points else "col.prev_pct", year=prev)
    changes = ranking["total_change"] if points else ranking["pct_change"]
    values = pd.DataFrame(
        {
            rank: tables.integers(ranking["rank"]),
            t("col.unit"): [unit_name(r, t) for r in rows],
            total: tables.numbers(ranking["total"]),
            t("col.tier"): [tier_label(r, t) for r in rows],
            rank_change: tables.integers(
                v if c and not fmt.is_missing(r) else None
                for v, c, r in zip(ranking["rank_change"], compared, ranking["rank"])
            ),
            score_change: tables.numbers(v if c else None for v, c in zip(changes, compared)),
            t("col.pct"): tables.numbers(ranking["pct"]),
            # the year before only beside a value of this year (2018 published tiers only: no 2015 ranks beside them)
            prev_rank: tables.integers(
                v if c and not fmt.is_missing(r) else None
                for v, c, r in zip(ranking["prev_rank"], compared, ranking["rank"])
            ),
            prev_score: tables.numbers(
                v if c and not fmt.is_missing(r) else None
                for v, c, r in zip(ranking["prev_total" if points else "prev_pct"], compared, ranking["total"])
            ),
            t("col.data"): [provenance_text(r, t) for r in rows],
        }
    )
    of = ranking["rank_of"].dropna().unique()
    formats = {
        rank: (lambda v: t("rank.of", rank=int(v), of=int(of[0]))) if len(of) == 1 else (lambda v: str(int(v))),
        total: lambda v: fmt.number(v, lang),
        rank_change: rank_change_arrow,
        score_change: (lambda v: fmt.signed(v, lang))
        if points
        else (lambda v: t("change.pct_points", value=fmt.signed(v, lang))),
        t("col.pct"): lambda v: fmt.percent(v / 100, lang),
        prev_rank: lambda v: str(int(v)),
        prev_score: (lambda v: fmt.number(v, lang)) if points else (lambda v: fmt.percent(v / 100, lang)),
    }
    table = tables.Table(values, formats, widths={t("col.unit"): tables.name_width(values[t("col.unit")])})
    return _without_empty(table, ranking, t)


def rank_change_arrow(change) -> str:
    """↑ 4 (rose four places), ↓ 2, = (a rank change's text; the value stays the number)."""
    if fmt.is_missing(change):
        return fmt.NA
    change = int(change)
    return "=" if change == 0 else (f"↑ {change}" if change > 0 else f"↓ {-change}")


def ranking_compares_pct(ranking: pd.DataFrame) -> bool:
    """The year before is compared as % of maximum: its scale (or criteria set) was another."""
    return not ranking["total_change"].notna().any() and ranking["pct_change"].notna().any()


def comparison_note(ranking: pd.DataFrame, t: Translator) -> str | None:
    """What the Rankings table's year-before columns compare, and why some cells are empty: the
    scale changed (so % of maximum), units new this year, units without a score the year before."""
    if ranking.empty or ranking["prev_status"].eq("first").all() or ranking[["rank", "total"]].isna().all(axis=None):
        return None  # nothing this year to set beside the year before (2018 published tiers only)
    prev = previous_year_text(ranking, t)
    parts = []
    if ranking_compares_pct(ranking):
        parts.append(t("rankings.compare_pct", prev=prev))
    for status, key in (("new", "rankings.new_units"), ("no_score", "rankings.no_prev_score")):
        n = int(ranking["prev_status"].eq(status).sum())
        if n:
            parts.append(t(key, n=n, prev=prev))
    return " ".join(parts) or None


def _without_empty(table: tables.Table, rows: pd.DataFrame, t: Translator) -> tables.Table:
    """Columns with nothing in them are left out, and the tier column where no row has a tier
    (the page's note says why)."""
    shown = table.text()
    keep = [
        c
        for c in table.columns
        if (shown[c] != fmt.NA).any() and not (c == t("col.tier") and rows["tier_order"].isna().all())
    ]
    return table.select(keep)


def previous_year_text(ranking: pd.DataFrame, t: Translator) -> str:
    year = ranking["prev_year"].dropna()
    return str(int(year.iat[0])) if not year.empty else fmt.NA


def tier_line(tier: pd.Series, t: Translator) -> str:
    """'**Từ 90 điểm trở lên** — 6 đơn vị (31,58%): Sở Nội vụ; ...' as the announcements list them."""
    count = t("overview.tier_count", n=fmt.integer(tier["n"], t.lang), share=fmt.percent(tier["share"], t.lang))
    line = f"**{tier['label']}** — {count}"
    names = tier[f"names_{t.lang}"]
    if isinstance(names, str) and names and tier["n_named"] <= NAMED_PER_TIER:
        line += f": {names}"
    elif isinstance(names, str) and names:  # forty names are not read: the Rankings page lists them
        line += " " + t("overview.names_in_rankings")
    if tier["n"] > tier["n_named"]:
        line += " " + (
            t("overview.names_withheld", named=int(tier["n_named"])) if tier["n_named"] else t("overview.no_names")
        )
    return line


def unit_list(rows: pd.DataFrame, t: Translator, *, ranked: bool = False, ranks: bool = False) -> str:
    """A list of units with total and tier. `ranked`: each line begins with the unit's published rank
    ('19/19') instead of a number (a partial table); `ranks` (a subset of the group): each also says
    its rank in the whole group, so the list's numbers are not read as ranks."""
    lines = []
    for i, (_, row) in enumerate(rows.iterrows(), start=1):
        notes = [] if fmt.is_missing(row["tier_order"]) else [tier_label(row, t)]
        if ranks:
            notes.append(t("scope.rank", rank=rank_text(row, t)))
        lines.append(
            ("- " + rank_text(row, t) + ":" if ranked else f"{i}.")
            + f" {unit_name(row, t)}"
            + (
                ""
                if fmt.is_missing(row["total"])
                # a published rank without a published score
                else f" — {fmt.number(row['total'], t.lang)}/{fmt.number(row['max_total'], t.lang, 0)}"
            )
            + (f" ({'; '.join(notes)})" if notes else "")
        )
    return "\n".join(lines)


def check_table(checks: pd.DataFrame, tiers: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """Published group figures beside the same figures computed from the unit data."""
    rows = []
    for _, stat in checks.iterrows():
        computed = figure_value(stat, stat["computed"], t)
        if stat["unknown"] > 0 and stat["kind"] != "mean_total":
            computed = t("overview.check_known", value=computed, unknown=int(stat["unknown"]))
        rows.append(
            {
                t("overview.check_figure"): published_figure_label(stat, tiers, t),
                t("overview.check_published"): figure_value(stat, stat["published"], t),
                t("overview.check_computed"): computed,
                t("overview.check_agrees"): _agreement(stat, t),
            }
        )
    return pd.DataFrame(rows)


def _agreement(stat: pd.Series, t: Translator) -> str:
    if not stat["agrees"]:
        return "✗ " + t("overview.disagrees")
    if stat["unknown"] > 0 and stat["computed"] != stat["published"]:
        return "✓ " + t("overview.consistent")  # the units not named could make up the difference
    return "✓ " + t("overview.agrees")


@dataclass(frozen=True)
class Metric:
    """A headline figure as st.metric shows it (ui.metric draws it): its label and value; its
    change as a number (the arrow's direction and colour) and as the reader's text; the captions
    under it."""

    label: str
    value: str
    change: float | None = None
    delta: str | None = None
    captions: tuple[str, ...] = ()


def mean_metric(summary: pd.Series, t: Translator) -> Metric:
    """The group mean out of the maximum ('89,28 / 100'), its change on the previous year and that
    year's mean; where some units have no score, no mean ('—') and a caption saying how many do."""
    lang = t.lang
    value = fmt.number(summary["mean_total"], lang)
    if not fmt.is_missing(summary["mean_total"]):
        value += f" / {fmt.number(summary['max_total'], lang, 0)}"
    delta = None
    if not fmt.is_missing(summary["mean_change"]):
        change = fmt.signed(summary["mean_change"], lang)
        delta = t("overview.mean_delta", change=change, year=int(summary["prev_year"]))
    captions = []
    if not fmt.is_missing(summary["prev_mean_total"]):
        captions.append(
            t("overview.prev_mean", year=int(summary["prev_year"]), mean=fmt.number(summary["prev_mean_total"], lang))
        )
    if fmt.is_missing(summary["mean_total"]) and summary["n_scored"] > 0:
        captions.append(t("overview.mean_incomplete", scored=int(summary["n_scored"]), units=int(summary["n_units"])))
    return Metric(t("overview.mean"), value, summary["mean_change"], delta, tuple(captions))


def units_metric(summary: pd.Series, t: Translator) -> Metric:
    return Metric(t("overview.units"), fmt.integer(summary["n_units"], t.lang))


def top_tier_metric(tiers: pd.DataFrame, t: Translator) -> Metric | None:
    """The units in the best tier (tier_rows: best first) and their share of the group: '6 (31,58%)'."""
    if tiers.empty:
        return None
    best = tiers.iloc[0]
    return Metric(
        t("overview.top_tier", tier=best["label"]),
        f"{fmt.integer(best['n'], t.lang)} ({fmt.percent(best['share'], t.lang)})",
    )


def national_rank_metric(row: pd.Series, t: Translator) -> Metric:
    """The province's place among the provinces ('11/63'), with its change on the year it is
    compared with ('+2 bậc so với năm 2020')."""
    delta = None
    if row["prev_status"] == "compared" and not fmt.is_missing(row["rank_change"]):
        delta = t("overview.rank_delta", change=fmt.signed(row["rank_change"], t.lang, 0), year=int(row["prev_year"]))
    return Metric(
        t("overview.national_rank", name=unit_name(row, t, "short")), rank_text(row, t), row["rank_change"], delta
    )


def total_metric(row: pd.Series, t: Translator) -> Metric:
    return Metric(t("col.total"), fmt.number(row["total"], t.lang))


def assessment_note(row: pd.Series, t: Translator) -> str | None:
    """The result's own note in the reader's language, where it has one."""
    note = row[f"note_{t.lang}"]
    return note if isinstance(note, str) and note else None


@dataclass(frozen=True)
class TopBottom:
    """The first and the last units as Overview lists them (Markdown). `bottom_known` False: no
    last place can be named, and `bottom` says why (a caption, not a list)."""

    top: str
    bottom: str
    bottom_known: bool = True


def top_bottom(
    ranking: pd.DataFrame, t: Translator, *, complete: bool, published_ranks: bool, ranks: bool = False
) -> TopBottom | None:
    """The three first and three last units of a complete table, each with its rank, and every unit
    tied with the third (a list never cuts through a tie). A partial one (some scores not
    published): its first three by published rank where ranks were published, and its last place
    only where that was published (Yên Bái's), else a sentence saying it cannot be known. None
    where there is nothing to list. `ranks`: a subset of the group, each unit with its rank in it."""
    scored = ranking.dropna(subset=["total"])
    published = ranking[ranking["rank_basis"] == "published"] if published_ranks else ranking.iloc[:0]
    if scored.empty and published.empty:
        return None
    if not complete and not published.empty:
        top = unit_list(published[published["rank"] <= LISTED_AT_EACH_END], t, ranked=True)
    else:
        top = _end_list(_ends(scored, LISTED_AT_EACH_END), t, ranks)
    top = f"**{t('overview.top')}**\n\n{top}"
    if complete:
        return TopBottom(
            top, f"**{t('overview.bottom')}**\n\n" + _end_list(_ends(scored, -LISTED_AT_EACH_END), t, ranks)
        )
    last = published[published["rank"] == published["rank_of"]]
    if not last.empty:
        return TopBottom(top, f"**{t('overview.bottom_published')}**\n\n" + unit_list(last, t, ranked=True))
    return TopBottom(top, t("overview.bottom_unknown"), bottom_known=False)


LISTED_AT_EACH_END = 3  # units listed at each end of a complete table, with those tied with the third


def _end_list(rows: pd.DataFrame, t: Translator, ranks: bool) -> str:
    """Each unit led by its rank where every one has one (tied units share it), else numbered."""
    return unit_list(rows, t, ranked=not ranks and rows["rank"].notna().all(), ranks=ranks)


def _ends(scored: pd.DataFrame, n: int) -> pd.DataFrame:
    """The first n units by total (n < 0: the last -n, lowest first) and every unit tied with the
    n-th; ties keep the table's order."""
    if len(scored) <= abs(n):
        return scored if n > 0 else scored.sort_values("total", kind="stable")
    if n > 0:
        return scored[scored["total"] >= scored["total"].iloc[n - 1]]
    return scored[scored["total"] <= scored["total"].iloc[n]].sort_values("total", kind="stable")


def subcriteria_table(subs: pd.DataFrame, t: Translator, *, threshold: float) -> tables.Table:
    """An area's sub-criteria: their full names (wrapped, not cut), points, mean and units below."""
    lang, name = t.lang, t("criteria.col_name")
    below = t("criteria.col_below", threshold=fmt.number(threshold, lang, 0))
    of = subs["n_units"].dropna().unique()
    values = pd.DataFrame(
        {
            t("criteria.col_code"): subs["criterion_id"].tolist(),
            name: subs[f"name_{lang}"].tolist(),
            t("criteria.col_max"): tables.numbers(subs["max_points"]),
            t("criteria.col_mean"): tables.numbers(subs["mean_pct"]),
            t("criteria.col_lost"): tables.numbers(subs["points_lost"]),
            below: tables.integers(subs["n_below"]),
        }
    )
    formats = {
        t("criteria.col_max"): lambda v: fmt.number(v, lang),
        t("criteria.col_mean"): lambda v: fmt.pct_of_max(v, lang),
        t("criteria.col_lost"): lambda v: fmt.number(v, lang),
        below: (lambda v: f"{int(v)}/{int(of[0])}") if len(of) == 1 else (lambda v: str(int(v))),
    }
    return tables.Table(values, formats, notes=(name,))


def self_gap_hover(row: pd.Series, t: Translator) -> str:
    return "<br>".join(
        (
            f"<b>{unit_name(row, t)}</b>",
            t(
                "criteria.hover_self",
                self_points=fmt.number(row["self_points"], t.lang),
                final=fmt.number(row["final_points"], t.lang),
                gap=fmt.signed(row["gap"], t.lang),
            ),
        )
    )


def self_gap_table(gaps: pd.DataFrame, t: Translator) -> tables.Table:
    """Units by areas: self-assessed minus appraised points, the unit's total gap first."""
    gaps = gaps.assign(
        column=[
            t("criteria.gap_total") if pd.isna(k) else s for k, s in zip(gaps["area_key"], gaps[f"area_short_{t.lang}"])
        ]
    )
    order = gaps.sort_values("area_order")["column"].drop_duplicates().tolist()
    table = gaps.pivot_table(index=f"name_{t.lang}", columns="column", values="gap", sort=False)[order]
    table = table.sort_values(t("criteria.gap_total"), ascending=False).astype("float64")
    values = table.rename_axis(index=t("col.unit"), columns=None).reset_index()
    return tables.Table(
        values,
        {c: (lambda v: fmt.signed(v, t.lang)) for c in order},
        widths={t("col.unit"): tables.name_width(values[t("col.unit")])},
    )


def total_text(row: pd.Series, t: Translator) -> str:
    if fmt.is_missing(row["total"]):
        return fmt.NA
    return f"{fmt.number(row['total'], t.lang)}/{fmt.number(row['max_total'], t.lang, 0)}"


def lineage_text(unit: pd.Series, t: Translator) -> str:
    """The unit's group and active years, and the renames it came from or went into."""
    parts = [t(f"group.{unit['unit_group']}")]
    if not fmt.is_missing(unit["first_year"]):  # a unit known only from published results has no dates
        last = "" if fmt.is_missing(unit["last_year"]) else int(unit["last_year"])
        parts.append(t("unit.active", years=f"{int(unit['first_year'])}–{last}"))
    for column in (f"was_{t.lang}", f"became_{t.lang}"):
        if isinstance(unit[column], str) and unit[column]:
            parts.append(unit[column])
    return " · ".join(parts)


def unit_note(unit: pd.Series, t: Translator) -> str | None:
    """What the data says of the unit itself (e.g. that no source confirms its name), if anything."""
    note = unit.get(f"note_{t.lang}")
    return note if isinstance(note, str) and note else None


def history_hover(row: pd.Series, t: Translator) -> str:
    return "<br>".join(
        (
            f"<b>{row['year']}: {unit_name(row, t)}</b>",
            f"{t('col.total')}: {total_text(row, t)} ({fmt.number(row['pct'], t.lang)}%)",
            f"{t('col.rank')}: {rank_text(row, t)} · {t('col.tier')}: {tier_label(row, t)}",
            f"{t('col.data')}: {provenance_text(row, t)}",
        )
    )


def history_source(history: pd.DataFrame, t: Translator) -> str:
    """One source line for a unit's years: the published ones and, named, the illustrative ones."""
    illustrative = sorted(int(y) for y in history.loc[history["provenance"] == "illustrative", "year"])
    line = t("unit.history_source")
    if illustrative:
        line += " · " + t("unit.history_illustrative", years=year_span(illustrative))
    return line


def history_table(history: pd.DataFrame, t: Translator) -> tables.Table:
    """A unit's years. Its totals stay "score/maximum" text (the scale changed over the years: 70 in
    2015); % of maximum, the comparable figure, is the number that sorts."""
    rows = history.to_dict("records")
    values = pd.DataFrame(
        {
            t("filter.year"): [str(int(r["year"])) for r in rows],
            t("col.unit"): [unit_name(r, t) for r in rows],
            t("col.total"): [total_text(r, t) for r in rows],
            t("col.pct"): tables.numbers(history["pct"]),
            t("col.rank"): [rank_text(r, t) for r in rows],
            t("col.tier"): [tier_label(r, t) for r in rows],
            t("col.data"): [provenance_text(r, t) for r in rows],
        }
    )
    table = tables.Table(
        values,
        {t("col.pct"): lambda v: fmt.percent(v / 100, t.lang)},
        widths={t("col.unit"): tables.name_width(values[t("col.unit")])},
    )
    if not history.empty and history["tier_order"].isna().all():  # no tier in any year: the notes say why
        table = table.select([c for c in table.columns if c != t("col.tier")])
    return table


def unit_subcriteria_table(subs: pd.DataFrame, t: Translator, *, cumulative: bool = False) -> tables.Table:
    """A unit's sub-criteria: score of maximum, the points lost (a number: sorts by value)."""
    lang, name = t.lang, t("criteria.col_name")

    def points(v) -> str:
        return fmt.number(v, lang)

    values = pd.DataFrame(
        {
            t("criteria.col_code"): subs["criterion_id"].tolist(),
            name: subs[f"name_{lang}"].tolist(),
            t("unit.col_area"): subs[f"area_short_{lang}"].tolist(),
            t("unit.col_score"): [
                f"{fmt.number(f, lang)}/{fmt.number(m, lang)}" for f, m in zip(subs["final_points"], subs["max_points"])
            ],
            t("unit.col_lost"): tables.numbers(subs["points_lost"]),
        }
    )
    formats = {t("unit.col_lost"): points}
    if cumulative:
        values[t("unit.col_cumulative")] = tables.numbers(subs["cumulative_lost"])
        formats[t("unit.col_cumulative")] = points
    return tables.Table(values, formats, notes=(name,))


def peer_gap_table(gaps: pd.DataFrame, t: Translator) -> tables.Table:
    """A unit's sub-criteria against its group (unit_peer_gaps rows, in their order: the largest
    gap to the best first): points, the group's best and the gap to it, its mean and the gap to
    it, and who scored the best (every unit of a tie); "—" where the unit was not scored, never 0.
    Every quantity a number, so that a column sorts by value."""
    rows = gaps.to_dict("records")
    lang, name, best_units = t.lang, t("unit.col_subcriterion"), t("unit.col_best_units")
    points, signed = (lambda v: fmt.number(v, lang)), (lambda v: fmt.signed(v, lang))
    columns = {  # each reference beside its gap, the best (the order of the rows) first: the gap to the best in view
        t("criteria.col_max"): ("max_points", points),
        t("unit.col_unit_points"): ("final_points", points),
        t("unit.col_best"): ("best_points", points),
        t("unit.col_vs_best"): ("vs_best", signed),
        t("unit.col_group_mean"): ("group_mean", points),
        t("unit.col_vs_mean"): ("vs_mean", signed),
    }
    values = pd.DataFrame(
        {
            name: [f"{r['criterion_id']} {r[f'name_{lang}']}" for r in rows],
            **{heading: tables.numbers(gaps[key]) for heading, (key, _) in columns.items()},
            best_units: [_best_units(r, t) for r in rows],
        }
    )  # last: a tie can name a dozen units, on one line (not a wrapped note: rows stay short)
    return tables.Table(values, {heading: shown for heading, (_, shown) in columns.items()}, notes=(name,))


def _best_units(row: dict, t: Translator) -> str:
    names = row[f"best_{t.lang}"]
    n = len(row["best_ids"].split(","))
    return names if n == 1 else t("unit.best_tie", n=n, names=names)


def peer_gap_title(rows: pd.DataFrame, t: Translator, *, unit: str, year: int) -> str:
    """The largest gap to the group's best (frames.peer_gap_rows), every sub-criterion that shares
    it named; that the unit is the best everywhere when nothing is behind."""
    if rows.empty:
        return t("unit.peer_title_none", unit=capitalised(unit), year=year)
    largest = rows[rows["vs_best"] == rows["vs_best"].min()]
    return t(
        "unit.peer_title",
        unit=capitalised(unit),
        codes=", ".join(largest["code"]),
        gap=fmt.signed(largest["vs_best"].iat[0], t.lang),
        year=year,
    )


def no_gap_text(row: pd.Series, tiers: pd.DataFrame, t: Translator) -> str:
    if tiers.empty or tiers["min_points"].isna().all():
        return t("unit.no_bounds")
    return t("unit.top_tier", tier=tier_label(row, t))


def compare_table(areas: pd.DataFrame, chosen: list[str], short: dict[str, str], t: Translator) -> tables.Table:
    """Areas by the chosen units (% of maximum) with the spread between the best and the worst."""
    table = areas.pivot_table(index=f"area_short_{t.lang}", columns="unit_id", values="pct", sort=False)[chosen]
    spread = table.max(axis=1) - table.min(axis=1)
    values = table.set_axis([short[u] for u in chosen], axis=1).astype("float64")
    values[t("compare.spread")] = spread.astype("float64")
    values = values.rename_axis(index=t("unit.col_area"), columns=None).reset_index()

    def pct(v) -> str:
        return fmt.pct_of_max(v, t.lang)

    formats = {**{short[u]: pct for u in chosen}, t("compare.spread"): lambda v: fmt.number(v, t.lang)}
    return tables.Table(values, formats, widths={t("unit.col_area"): tables.name_width(values[t("unit.col_area")])})


def rank_history_table(ranks: pd.DataFrame, t: Translator) -> tables.Table:
    """Years by units: each unit's rank (a number, so a column sorts by rank)."""
    values = ranks.rename_axis(index=t("filter.year"), columns=None).reset_index().astype({t("filter.year"): str})
    whole = {c: tables.integers(values[c]) for c in ranks.columns}
    values = values.assign(**whole) if whole else values
    return tables.Table(values, {c: (lambda v: str(int(v))) for c in ranks.columns})


CRITERION_LABEL = 18  # characters of a criterion's name on a chart's axis or heading; the whole name on hover
# Words that say nothing at the end of a shortened name ("Drafting and…" → "Drafting…").
_DANGLING = {
    "and",
    "of",
    "the",
    "in",
    "on",
    "for",
    "to",
    "a",
    "an",
    "by",
    "with",
    "và",
    "của",
    "trong",
    "cho",
    "các",
    "về",
    "với",
    "theo",
    "đối",
}


def shortened(text: str, limit: int) -> str:
    """`text` whole when it has at most `limit` characters, else cut at the last word boundary that
    fits, without a dangling 'and', 'of', 'và'…, with '…' (never mid-word; a first word longer
    than the limit is cut at the limit)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit + 1)  # a space just after the limit ends a word that fits
    words = (text[:space] if space > 0 else text[:limit]).split(" ")
    while len(words) > 1 and words[-1].strip(",;:-–").lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:-–") + "…"


def criterion_label(code: str, short_name) -> str:
    """A criterion on a chart: its code and its short name, shortened ('CV.2 Tuyển dụng công…'),
    so that a reader need not know the codes; the code alone where there is no name."""
    if fmt.is_missing(short_name) or not str(short_name).strip():
        return code
    return f"{code} {shortened(short_name, CRITERION_LABEL)}"


def lower_first(text: str) -> str:
    """A group's name inside a sentence: 'Xã, phường từ huyện Mù Cang Chải (cũ)' → 'xã, phường từ
    huyện Mù Cang Chải (cũ)' (str.lower would lower the place names too)."""
    return text[:1].lower() + text[1:]


def _province(name: str) -> str:
    """'tỉnh Lào Cai' → 'Lào Cai'; 'Yên Bái (đến 2024)' → 'Yên Bái'; 'Lào Cai province' → 'Lào Cai'."""
    name = name.split(" (")[0].strip()
    for prefix in ("tỉnh ", "Tỉnh "):
        name = name.removeprefix(prefix)
    return name.removesuffix(" province")


def former_province_name(row, t: Translator) -> str:
    """'Yên Bái (cũ)' / 'former Yên Bái': a former province as people say it."""
    return t("origin.province", name=_province(row[f"province_{t.lang}"]))


def former_district_name(row, t: Translator) -> str:
    """'huyện Mù Cang Chải (cũ)' / 'former Mù Cang Chải district'."""
    return t("origin.district", name=row[f"district_{t.lang}"])


def origin_text(origins: pd.DataFrame, t: Translator) -> str | None:
    """'Hình thành từ: Xã Hồ Bốn, Xã Khao Mang (huyện Mù Cang Chải cũ, tỉnh Yên Bái cũ)', one part
    per former district; None for a unit without recorded origins."""
    if origins.empty:
        return None
    parts = [
        t(
            "origin.part",
            communes=", ".join(c.strip() for c in str(r["predecessors_vi"]).split(";") if c.strip()),
            district=r[f"district_{t.lang}"],
            province=_province(r[f"province_{t.lang}"]),
        )
        for r in origins.to_dict("records")
    ]
    return t("origin.formed_from", parts="; ".join(parts))


def capitalised(text: str) -> str:
    """'huyện Bảo Yên' at the start of a title or sentence: 'Huyện Bảo Yên'."""
    return text[:1].upper() + text[1:]


def rank_delta(row: pd.Series, t: Translator) -> str | None:
    """A metric delta for a rank: '+2' when the unit rose two places, '−1' (a true minus) when it
    fell one (ui.metric_delta draws the arrow)."""
    if row["prev_status"] != "compared" or fmt.is_missing(row["rank_change"]) or row["rank_change"] == 0:
        return None
    return t("unit.rank_delta", change=fmt.signed(row["rank_change"], t.lang, 0))


def national_hover(row: pd.Series, t: Translator) -> str:
    if fmt.is_missing(row["rank"]):
        return t("national.not_found", year=int(row["year"]))
    kind = t("national.derived") if row["derived"] else t("national.stated")
    return f"{int(row['year'])}: {rank_text(row, t)} ({kind}) · {t('col.total')}: {fmt.number(row['total'], t.lang)}"


def national_source(place: pd.DataFrame, t: Translator) -> str:
    publishers = list(dict.fromkeys(p for p in place[f"publisher_{t.lang}"].dropna()))
    return t("source.prefix") + " " + "; ".join(publishers)


def missing_years_note(place: pd.DataFrame, t: Translator) -> str | None:
    """The years without a place (a gap in the line), per province where there are several."""
    if "series" not in place or place["series"].nunique() < 2:
        missing = [str(int(y)) for y in place.loc[place["rank"].isna(), "year"]]
        return t("national.missing", years=", ".join(missing)) if missing else None
    parts = [
        f"{series} {', '.join(str(int(y)) for y in part.loc[part['rank'].isna(), 'year'])}"
        for series, part in place.groupby("series", sort=False)
        if part["rank"].isna().any()
    ]
    return t("national.missing", years="; ".join(parts)) if parts else None


def best_place(place: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """The best (lowest) published place, every year it was reached (a tie names them all), and
    False; where no published place exists, the best derived one and True (a headline must then
    say derived); (empty, False) without any place. A place counts as published only where the
    data says it is not derived: an unknown kind is never quoted as published."""
    known = place.dropna(subset=["rank"])
    stated = known[known["derived"].eq(False)]
    for rows, derived in ((stated, False), (known, True)):
        if not rows.empty:
            best = rows[rows["rank"] == rows["rank"].min()].sort_values("year")
            # a tie is the same place among the same number of provinces (63 to 2024, 34 from 2025)
            return best[best["rank_of"] == best["rank_of"].iat[0]], derived
    return known.iloc[:0], False


def national_headline(place: pd.DataFrame, t: Translator, *, name: str) -> str:
    """'{name}: … best published rank 11 (2021)'; with several provinces, each one's best published
    place; the same best place in several years names each year. A derived place is quoted only
    with the word derived."""
    groups = list(place.groupby("series", sort=False)) if "series" in place else [(name, place)]
    parts = []
    for series, part in groups:
        best, derived = best_place(part)
        if best.empty:
            continue
        first = best.iloc[0]
        text = t(
            "national.best_derived" if derived else "national.best_stated",
            rank=int(first["rank"]),
            of=int(first["rank_of"]),
            year=", ".join(str(int(y)) for y in best["year"]),
        )
        parts.append(text if len(groups) < 2 else f"{series}: {text}")
    best = "; ".join(parts) or t("national.no_place")
    if len(groups) < 2:
        return t("national.chart_title", name=name, best=best)
    return t(
        "national.chart_title_merged",
        name=name,
        best=best,
        first=int(place["year"].min()),
        last=int(place["year"].max()),
    )


def national_table(place: pd.DataFrame, context: pd.DataFrame, t: Translator) -> tables.Table:
    """The province's place per year beside the year's published leader; notes wrap, read whole."""
    leaders = context[context["leader"].fillna(False).astype(bool)].set_index("year")
    rows = place.to_dict("records")
    values = pd.DataFrame(
        {
            t("filter.year"): [str(int(r["year"])) for r in rows],
            t("col.rank"): [
                rank_text(r, t) if not fmt.is_missing(r["rank"]) else t("national.not_found_short") for r in rows
            ],
            t("col.total"): tables.numbers(place["total"]),
            t("col.data"): [
                fmt.NA if fmt.is_missing(r["rank"]) else t("national.derived") if r["derived"] else t("national.stated")
                for r in rows
            ],
            t("national.leader"): [
                _leader(leaders.loc[r["year"]], t) if r["year"] in leaders.index else fmt.NA for r in rows
            ],
            t("national.note"): [_first_text(r[f"note_{t.lang}"], r[f"note_{t.lang}_year"]) for r in rows],
        }
    )
    return tables.Table(
        values, {t("col.total"): lambda v: fmt.number(v, t.lang)}, notes=(t("national.leader"), t("national.note"))
    )


def _leader(row: pd.Series, t: Translator) -> str:
    name = unit_name(row, t)
    return name if fmt.is_missing(row["total"]) else f"{name} ({fmt.number(row['total'], t.lang)})"


def _first_text(*candidates) -> str:
    return next((c for c in candidates if isinstance(c, str) and c), "")


def national_others_table(others: pd.DataFrame, t: Translator) -> tables.Table:
    rows = others.to_dict("records")
    values = pd.DataFrame(
        {
            t("filter.year"): [str(int(r["year"])) for r in rows],
            t("national.province"): [unit_name(r, t) for r in rows],
            t("col.rank"): [rank_text(r, t) for r in rows],
            t("col.total"): tables.numbers(others["total"]),
            t("national.note"): [r[f"note_{t.lang}"] if isinstance(r[f"note_{t.lang}"], str) else "" for r in rows],
        }
    )
    return tables.Table(values, {t("col.total"): lambda v: fmt.number(v, t.lang)}, notes=(t("national.note"),))


def trend_hover(row: pd.Series, t: Translator) -> str:
    return (
        f"<b>{int(row['year'])}: {unit_name(row, t)}</b><br>{fmt.number(row['pct'], t.lang)}% · "
        f"{t('col.data')}: {t('provenance.' + row['provenance'])}"
    )


NAMED_PER_TIER = 10  # a tier with more units than this is given as a count: 40 names are not read


def summary_paragraph(
    summary: pd.Series,
    tiers: pd.DataFrame,
    areas: pd.DataFrame,
    assessment: pd.Series,
    *,
    group_name: str,
    t: Translator,
    subset: bool = False,
) -> str:
    """The year's paragraph, in the style of the province's own announcements: the mean against
    last year, each tier with its count, share and units named (up to NAMED_PER_TIER; a larger
    tier by its count only), the best and the weakest area, and whether the assessment's unit
    figures are illustrative. Every number is computed from the data; nothing is said where the
    data cannot support it. A `subset` (the communes of a former district) says that its figures
    are the subset's and its ranks the whole group's."""
    group = lower_first(group_name)
    parts = []
    if not fmt.is_missing(summary["mean_total"]):
        maximum = fmt.number(summary["max_total"], t.lang, 0)
        mean = t(
            "summary.mean",
            year=int(summary["year"]),
            group=group,
            mean=fmt.number(summary["mean_total"], t.lang),
            max=maximum,
        )
        if not fmt.is_missing(summary["mean_change"]):
            direction = (
                "summary.higher"
                if summary["mean_change"] > 0
                else "summary.lower"
                if summary["mean_change"] < 0
                else "summary.same"
            )
            mean += ", " + t(
                direction,
                year=int(summary["prev_year"]),
                mean=fmt.number(summary["prev_mean_total"], t.lang),
                max=maximum,
            )
        parts.append(mean + ".")
    else:  # no mean (units without scores): the year and the group still open the paragraph
        parts.append(t("summary.assessed", year=int(summary["year"]), group=group, n=int(summary["n_units"])))
    for _, tier in tiers[tiers["n"] > 0].iterrows():
        line = t("summary.tier", n=int(tier["n"]), tier=tier["label"], share=fmt.percent(tier["share"], t.lang))
        names = tier[f"names_{t.lang}"]
        named = isinstance(names, str) and names and tier["n"] == tier["n_named"] and tier["n"] <= NAMED_PER_TIER
        parts.append(line + (f": {names}." if named else "."))
    if not areas.empty:
        ordered = areas.sort_values("mean_pct")
        best, worst = ordered.iloc[-1], ordered.iloc[0]
        parts.append(
            t(
                "summary.areas",
                best=best[f"area_{t.lang}"],
                best_pct=fmt.number(best["mean_pct"], t.lang),
                worst=worst[f"area_{t.lang}"],
                worst_pct=fmt.number(worst["mean_pct"], t.lang),
            )
        )
    if subset:
        parts.append(t("summary.subset", n=int(summary["n_units"])))
    if assessment["n_illustrative"]:
        parts.append(t("summary.illustrative"))
    return " ".join(parts)


def assessment_table(assessments: pd.DataFrame, t: Translator) -> tables.Table:
    """Assessments by year; the decision (or publisher) column given room to be read whole."""
    rows = assessments.to_dict("records")
    values = pd.DataFrame(
        {
            t("filter.year"): [str(int(r["year"])) for r in rows],
            t("filter.group"): [t(f"group.{r['unit_group']}") for r in rows],
            t("method.col_scale"): [fmt.number(r["max_total"], t.lang, 0) for r in rows],
            t("method.col_units"): [fmt.integer(r["n_units"], t.lang) for r in rows],
            t("method.col_scored"): [f"{int(r['n_scored'])}/{int(r['n_units'])}" for r in rows],
            t("col.data"): [
                t("provenance.illustrative") if r["n_illustrative"] else t("provenance.published") for r in rows
            ],
            t("method.col_source"): [_first_text(r["decision_no"], r[f"publisher_{t.lang}"]) for r in rows],
        }
    )
    return tables.Table(values, notes=(t("filter.group"), t("method.col_source")))


def framework_table(areas: pd.DataFrame, t: Translator) -> pd.DataFrame:
    rows = areas.to_dict("records")
    return pd.DataFrame(
        {
            t("unit.col_area"): [r[f"area_{t.lang}"] for r in rows],
            t("criteria.col_max"): [fmt.number(r["max_points"], t.lang) for r in rows],
            t("method.col_criteria"): [int(r["n_criteria"]) for r in rows],
            t("method.col_subs"): [int(r["n_sub"]) for r in rows],
            t("method.col_self"): [t("method.yes") if r["self_assessed"] else t("method.survey") for r in rows],
        }
    )


def tier_table(tiers: pd.DataFrame, t: Translator) -> pd.DataFrame:
    rows = tiers.to_dict("records")
    # A tier without a lower bound is "the rest" below the others' bounds; where no tier of the year
    # has a bound (2018 published the tiers' names only), its bound is unknown.
    bounded = set(tiers.loc[tiers["min_points"].notna(), ["year", "unit_group"]].itertuples(index=False, name=None))
    return pd.DataFrame(
        {
            t("filter.group"): [t(f"group.{r['unit_group']}") for r in rows],
            t("filter.year"): [str(int(r["year"])) for r in rows],
            t("col.tier"): [r[f"label_{t.lang}"] for r in rows],
            t("method.col_bound"): [_bound_text(r, t, (r["year"], r["unit_group"]) in bounded) for r in rows],
            t("col.data"): [t(f"provenance.{r['provenance']}") for r in rows],
        }
    )


def _bound_text(row: dict, t: Translator, others_bounded: bool) -> str:
    if fmt.is_missing(row["min_points"]):
        return t("method.bound_rest") if others_bounded else fmt.NA
    sign = "≥" if row["min_inclusive"] else ">"
    return f"{sign} {fmt.number(row['min_points'], t.lang)}"


def lineage_table(events: pd.DataFrame, t: Translator) -> tables.Table:
    """Unit changes: the event and its note wrap over taller rows, read whole."""
    rows = events.to_dict("records")
    values = pd.DataFrame(
        {
            t("filter.year"): [str(int(r["year"])) for r in rows],
            t("method.col_event"): [
                t(
                    f"lineage.{r['kind']}",
                    year=int(r["year"]),
                    before=r[f"predecessor_{t.lang}"],
                    after=r[f"successor_{t.lang}"] or "",
                )
                for r in rows
            ],
            t("national.note"): [_first_text(r[f"note_{t.lang}"]) for r in rows],
        }
    )
    return tables.Table(values, notes=(t("method.col_event"), t("national.note")))


# The table view of a chart's data: its columns as readers name them, in the reader's language.
# Columns not listed stay in the downloads only (codes, flags, the other language's names).
_DATA_COLUMNS = (
    "year",
    "name",
    "label",
    "tier",
    "area",
    "criterion_id",
    "criterion",
    "total",
    "max_total",
    "pct",
    "pct_of_max",
    "rank",
    "rank_of",
    "n",
    "share",
    "max_points",
    "final_points",
    "self_points",
    "points_lost",
    "mean_pct",
    "n_below",
    "lost_share",
    "cumulative_share",
    "gap",
    "p25_pct",
    "p75_pct",
    "rank_from",
    "rank_to",
    "moved",
    "group_mean_pct",
    "group_best_pct",
    "n_units",
    "provenance",
)
_SHARES = ("share", "lost_share", "cumulative_share")
_INTEGERS = ("year", "rank", "rank_of", "n", "n_below", "rank_from", "rank_to", "moved", "n_units")


def data_view(data: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """A chart's data as a readable table (its text alternative): names in the reader's language,
    numbers formatted as the language writes them, missing as a dash."""
    return data_table(data, t).text()


def data_table(data: pd.DataFrame, t: Translator) -> tables.Table:
    """data_view as the page shows it: its numbers kept numbers (a sort orders by value: the rank
    movement's "moved" puts the biggest risers first), each with its text."""
    lang = t.lang
    named = export.reader_names(data, lang)  # the names the files use too (a criterion's name is not a unit's)
    columns = [c for c in _DATA_COLUMNS if c in named.columns]
    view = named[columns].reset_index(drop=True)
    formats = {}
    for column in columns:
        if column == "year":  # a label of the row, not a quantity
            view[column] = [fmt.NA if fmt.is_missing(v) else str(int(v)) for v in view[column]]
        elif column in _SHARES:
            view[column], formats[column] = tables.numbers(view[column]), lambda v: fmt.percent(v, lang)
        elif column in _INTEGERS:
            view[column], formats[column] = tables.integers(view[column]), lambda v: str(int(v))
        elif column == "provenance":
            view[column] = [t(f"provenance.{v}") if isinstance(v, str) else fmt.NA for v in view[column]]
        elif pd.api.types.is_numeric_dtype(view[column]):
            view[column], formats[column] = tables.numbers(view[column]), lambda v: fmt.number(v, lang)
    heading = {c: t(f"data.{c}") for c in columns}
    widths = {heading[c]: tables.name_width(view[c]) for c in ("name", "criterion") if c in columns}
    return tables.Table(view.rename(columns=heading), {heading[c]: f for c, f in formats.items()}, widths=widths)


def file_metadata(assessment: pd.Series, t: Translator, view: str | None = None) -> dict[str, str]:
    """What a downloaded file of one assessment says about itself (export.xlsx heads each row in
    the reader's language): every value filled; where a fact is missing, the row says why."""
    decision = next(
        (assessment[k] for k in ("decision_no", "document_no") if not fmt.is_missing(assessment[k])),
        t("file.no_decision"),
    )
    framework = assessment[f"framework_{t.lang}"]
    metadata = {
        "source": source_line(assessment, t),
        "decision": decision,
        "framework": framework if isinstance(framework, str) and framework else t("file.no_framework"),
        "status": file_status(assessment, t),
    }
    note = assessment[f"note_{t.lang}"]
    if isinstance(note, str) and note:
        metadata["note"] = note
    return {**metadata, **({"view": view} if view else {})}


def file_status(assessment: pd.Series, t: Translator) -> str:
    """The assessment's status and its figures' provenance, explained together ("Published
    assessment; unit figures illustrative: …") rather than two rows that seem to disagree."""
    year = int(assessment["year"])
    text = t(f"file.status_{assessment['status']}") + "; "
    text += t("file.units_illustrative", year=year) if assessment["n_illustrative"] else t("file.units_published")
    if assessment["tiers_illustrative"]:
        text += " " + t("notes.tiers_illustrative", year=year)
    return text


def leader_title(rows: pd.DataFrame, t: Translator, *, group: str, year: int, subset: bool = False) -> str:
    """A ranking's headline. "Leads" is said only of the unit ranked 1 (the published rank where
    there is one, scored or not: in a partial table the leader may have no published score), of
    both where two share it; with no rank 1 known, no unit is said to lead. `subset` (the communes
    of a former province or district, ranked in the whole province): the leader is the subset's
    best rank, said only where every unit of the subset has one."""
    if subset:
        ranked = rows.dropna(subset=["rank"])
        first = ranked[ranked["rank"] == ranked["rank"].min()] if len(ranked) == len(rows) else rows.iloc[:0]
    else:
        first = rows[rows["rank"] == 1]
    names = [capitalised(unit_name(row, t)) for row in first.to_dict("records")]
    if not names:
        return t("rankings.chart_title_no_leader", group=capitalised(group), year=year)
    if len(names) > 1:
        return t("rankings.chart_title_tied", units=t("rankings.and").join(names), group=lower_first(group), year=year)
    return t("rankings.chart_title", unit=names[0], group=lower_first(group), year=year)


def dataset_source(results: pd.DataFrame, t: Translator) -> str:
    """Where the full dataset's numbers come from: each row's own source, and the years whose unit
    scores are the project's illustrative data (read from the rows, so a new year is counted)."""
    illustrative = results.loc[results["provenance"] == "illustrative", "year"]
    if illustrative.empty:
        return t("method.download_source_published")
    return t("method.download_source", years=year_span(illustrative))


def year_span(years) -> str:
    """The years a chart covers: '2019-2024', or '2025' alone (never '2025-2025')."""
    first, last = int(min(years)), int(max(years))
    return str(first) if first == last else f"{first}-{last}"


def setup_diff(diff: dict, t: Translator) -> list[tuple[str, object]]:
    """What a year's set-up changes against the group's previous year, as ('heading' | 'text' |
    'table', content) parts in reading order: the maximum, the areas, the bands, the units (a
    'table' part is a tables.Table, drawn by ui.table)."""
    if not diff:
        return []
    if not diff["previous_year"]:
        parts = [("text", t("editors.setup_diff_first"))]
    else:
        parts = [("heading", t("editors.setup_diff_heading", year=diff["previous_year"][0]))]
    before, after = diff["max_total"][0]
    parts.append(
        (
            "text",
            t(
                "editors.setup_max_total",
                before=fmt.points(before, t.lang) if before is not None else fmt.NA,
                after=fmt.points(after, t.lang) if after is not None else fmt.NA,
            ),
        )
    )
    if diff["areas"]:
        parts += [
            ("text", f"**{t('editors.setup_areas')}**"),
            ("table", _area_maxima_table(diff["areas"], t)),
        ]
    bands = [_band(b, t) for b in diff["tiers_before"]], [_band(b, t) for b in diff["tiers_after"]]
    if any(bands):
        n = max(len(bands[0]), len(bands[1]))
        parts += [
            ("text", f"**{t('editors.setup_tiers')}**"),
            (
                "table",
                tables.Table(
                    pd.DataFrame(
                        {
                            t("editors.col_tier_before"): bands[0] + [""] * (n - len(bands[0])),
                            t("editors.col_tier_after"): bands[1] + [""] * (n - len(bands[1])),
                        }
                    )
                ),
            ),
        ]
    if diff["units_added"]:
        parts.append(
            ("text", t("editors.setup_units_added", n=len(diff["units_added"]), names="; ".join(diff["units_added"])))
        )
    if diff["units_changed"]:
        parts += [
            ("text", f"**{t('editors.setup_units_changed')}**"),
            (
                "table",
                tables.Table(
                    pd.DataFrame(
                        {
                            t("editors.col_kind"): [t(f"editors.kind_{k}") for k, _, _ in diff["units_changed"]],
                            t("editors.col_from"): [before for _, before, _ in diff["units_changed"]],
                            t("editors.col_to"): [after or fmt.NA for _, _, after in diff["units_changed"]],
                        }
                    )
                ),
            ),
        ]
    return parts


def _area_maxima_table(areas: list[tuple], t: Translator) -> tables.Table:
    """The areas' maxima before and after a set-up ((area, before, after)): numbers that sort,
    written as decisions print them (60; 2,5); an area new or dropped this year has "—"."""
    before, after = t("editors.col_before"), t("editors.col_after")
    values = pd.DataFrame(
        {
            t("editors.col_area"): [area for area, _, _ in areas],
            before: tables.numbers([old for _, old, _ in areas]),
            after: tables.numbers([new for _, _, new in areas]),
        }
    )
    points = partial(fmt.points, lang=t.lang)
    return tables.Table(values, formats={before: points, after: points})


def _band(band: tuple, t: Translator) -> str:
    label, minimum, inclusive = band
    if minimum is None or pd.isna(minimum):
        return label
    sign = "≥" if inclusive else ">"
    return f"{label} ({sign} {fmt.points(minimum, t.lang)})"


def problem_table(problems: list, t: Translator) -> tables.Table:
    """An import's or a set-up's problems (ImportProblem): where (the sheet, where the workbook has
    several that mean different things; the row as the file numbers it; the column) and why. The
    row is a number, so a sort goes 2, 10 (not '10' before '2'); the reason wraps, read whole."""
    row, reason = t("editors.col_row"), t("editors.col_reason")
    sheets = {t("editors.col_sheet"): [p.sheet or fmt.NA for p in problems]} if any(p.sheet for p in problems) else {}
    values = pd.DataFrame(
        {
            **sheets,
            row: tables.integers([p.row for p in problems]),
            t("editors.col_column"): [p.column or fmt.NA for p in problems],
            reason: [p.reason(t.lang) for p in problems],
        }
    )
    return tables.Table(values, formats={row: _whole}, notes=(reason,))


def exact_number(value, lang: str) -> str:
    """A score as the file or the database holds it, every decimal kept (89,255; 100), in the
    reader's notation: a change of 0,005 must show."""
    digits = max(0, -Decimal(str(value)).normalize().as_tuple().exponent)
    return fmt.number(value, lang, digits)


def score_changes_table(changed: list[tuple], t: Translator) -> tables.Table:
    """The units whose total an import changes (plan.diff's (unit, before, after)): the totals as
    numbers (a sort by size), none as "—"."""
    before, after = t("editors.col_before"), t("editors.col_after")
    values = pd.DataFrame(
        {
            t("editors.col_unit"): [unit for unit, _, _ in changed],
            before: tables.numbers([old for _, old, _ in changed]),
            after: tables.numbers([new for _, _, new in changed]),
        }
    )
    exact = partial(exact_number, lang=t.lang)
    return tables.Table(values, formats={before: exact, after: exact})


LOG_ACTIONS = ("import", "setup", "publish", "restore")  # what writes a line of the import log
LOG_STATUSES = ("draft", "published", "mixed")  # a restore brings back drafts and published years


def import_log_table(entries: pd.DataFrame, t: Translator) -> tables.Table:
    """The import log (import_log rows, newest first) in the reader's words: when (UTC, as stored),
    what was done to which year and group, by whom, from which file; the counts as numbers. What a
    line does not have (a publication has no file) is "—"."""
    records = entries.to_dict("records")
    year, rows, number = t("editors.col_log_year"), t("editors.col_log_rows"), t("editors.col_log_id")

    def words(value, prefix: str, known: tuple[str, ...]) -> str:
        if fmt.is_missing(value):
            return fmt.NA
        return t(f"{prefix}{value}") if value in known else str(value)

    def text(value) -> str:
        return fmt.NA if fmt.is_missing(value) else str(value)

    values = pd.DataFrame(
        {
            t("editors.col_log_when"): [f"{r['imported_at']:%Y-%m-%d %H:%M} UTC" for r in records],
            t("editors.col_log_action"): [words(r["action"], "editors.action_", LOG_ACTIONS) for r in records],
            year: tables.integers([r["year"] for r in records]),
            t("editors.group"): [words(r["unit_group"], "group.", GROUPS) for r in records],
            t("editors.status"): [words(r["status"], "editors.status_", LOG_STATUSES) for r in records],
            t("editors.col_log_editor"): [r["editor"] for r in records],
            t("editors.col_log_file"): [text(r["file_name"]) for r in records],
            rows: tables.integers([r["rows"] for r in records]),
            t("editors.col_log_replaced"): [
                fmt.NA if fmt.is_missing(r["replaced"]) else t("editors.yes" if r["replaced"] else "editors.no")
                for r in records
            ],
            t("editors.decision"): [text(r["decision_no"]) for r in records],
            t("editors.col_log_assessment"): [text(r["assessment_id"]) for r in records],
            number: tables.integers([r["import_id"] for r in records]),
            "SHA-256": [text(r["sha256"]) for r in records],
        }
    )
    return tables.Table(values, formats={year: _whole, rows: partial(fmt.integer, lang=t.lang), number: _whole})


def _whole(value) -> str:
    """A year, a row or an id: a number to sort by, written without a thousands separator."""
    return str(int(value))


def compare_start_text(
    ranking: pd.DataFrame, chosen: list[str], t: Translator, *, came_from: str | None, year: int
) -> str:
    """Why Compare shows these units when the reader has not chosen any: the unit they last
    opened and its partner, or the first and last of the ranking, each with its rank."""
    rows = ranking.set_index("unit_id")
    named = [(unit_name(rows.loc[u], t), rank_text(rows.loc[u], t)) for u in chosen]
    if came_from is not None and chosen[:1] == [came_from]:
        return t("compare.start_from", unit=named[0][0], other=named[1][0], rank=named[1][1])
    if fmt.NA in (named[0][1], named[1][1]):  # no ranks to speak of: "first and last" would not hold
        return t("compare.start_unranked", first=named[0][0], last=named[1][0], year=year)
    return t(
        "compare.start_default",
        first=named[0][0],
        first_rank=named[0][1],
        last=named[1][0],
        last_rank=named[1][1],
        year=year,
    )


def compare_limit_text(kept: list[str], names: dict[str, str], t: Translator, limit: int) -> str:
    """Over the limit of units: say the limit and name the units kept (never an id), apart by
    semicolons as the Overview lists units: a name may hold a comma ("Labour, Invalids and…")."""
    return t("compare.too_many", n=limit, units="; ".join(names[u] for u in kept))
