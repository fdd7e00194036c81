"""Text made from query rows: source lines, changes, figure names. Pure; no Streamlit."""

from __future__ import annotations

import pandas as pd

from parindex import fmt
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
    return t("rank.of", rank=int(row["rank"]), of=int(row["rank_of"])) if not fmt.is_missing(row["rank_of"]) \
        else str(int(row["rank"]))


def rank_change_text(row: pd.Series, t: Translator) -> str:
    """↑ 4 (rose four places), ↓ 2, = ; or why there is nothing to compare."""
    status = row["prev_status"]
    if fmt.is_missing(row["rank"]):
        return fmt.NA
    if status != "compared" or fmt.is_missing(row["rank_change"]):
        return _no_comparison(row, t)
    change = int(row["rank_change"])
    return "=" if change == 0 else (f"↑ {change}" if change > 0 else f"↓ {-change}")


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
    return "<br>".join((
        f"<b>{unit_name(row, t)}</b>",
        f"{t('col.total')}: {fmt.number(row['total'], t.lang)} / {fmt.number(row['max_total'], t.lang, 0)}"
        f" ({fmt.percent(row['pct'] / 100, t.lang)})",
        f"{t('col.rank')}: {rank_text(row, t)}",
        f"{t('col.tier')}: {tier_label(row, t)}",
        f"{t('col.data')}: {provenance_text(row, t)}",
    ))


def ranking_table(ranking: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The Rankings table as shown: every value formatted in the reader's language.

    Most telling columns first (a phone shows three or four); columns with nothing but "—"
    (a year that published tiers only) are left out.
    """
    rows = list(ranking.iterrows())
    table = pd.DataFrame({
        t("col.rank"): [rank_text(r, t) for _, r in rows],
        t("col.unit"): [unit_name(r, t) for _, r in rows],
        t("col.total"): [fmt.number(r["total"], t.lang) for _, r in rows],
        t("col.tier"): [tier_label(r, t) for _, r in rows],
        t("col.rank_change"): [rank_change_text(r, t) for _, r in rows],
        t("col.score_change"): [score_change_text(r, t) for _, r in rows],
        t("col.pct"): [fmt.percent(r["pct"] / 100, t.lang) if not fmt.is_missing(r["pct"]) else fmt.NA
                       for _, r in rows],
        t("col.data"): [provenance_text(r, t) for _, r in rows],
    })
    return table.loc[:, [c for c in table.columns if (table[c] != fmt.NA).any()]]


def previous_year_text(ranking: pd.DataFrame, t: Translator) -> str:
    year = ranking["prev_year"].dropna()
    return str(int(year.iat[0])) if not year.empty else fmt.NA


def tier_line(tier: pd.Series, t: Translator) -> str:
    """'**Từ 90 điểm trở lên** — 6 đơn vị (31,58%): Sở Nội vụ; ...' as the announcements list them."""
    count = t("overview.tier_count", n=fmt.integer(tier["n"], t.lang), share=fmt.percent(tier["share"], t.lang))
    line = f"**{tier['label']}** — {count}"
    names = tier[f"names_{t.lang}"]
    if isinstance(names, str) and names:
        line += f": {names}"
    if tier["n"] > tier["n_named"]:
        line += " " + (t("overview.names_withheld", named=int(tier["n_named"])) if tier["n_named"]
                       else t("overview.no_names"))
    return line


def unit_list(rows: pd.DataFrame, t: Translator) -> str:
    return "\n".join(
        f"{i}. {unit_name(row, t)} — {fmt.number(row['total'], t.lang)}/{fmt.number(row['max_total'], t.lang, 0)}"
        f" ({tier_label(row, t)})"
        for i, (_, row) in enumerate(rows.iterrows(), start=1))


def check_table(checks: pd.DataFrame, tiers: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """Published group figures beside the same figures computed from the unit data."""
    rows = []
    for _, stat in checks.iterrows():
        computed = figure_value(stat, stat["computed"], t)
        if stat["unknown"] > 0 and stat["kind"] != "mean_total":
            computed = t("overview.check_known", value=computed, unknown=int(stat["unknown"]))
        rows.append({
            t("overview.check_figure"): published_figure_label(stat, tiers, t),
            t("overview.check_published"): figure_value(stat, stat["published"], t),
            t("overview.check_computed"): computed,
            t("overview.check_agrees"): _agreement(stat, t),
        })
    return pd.DataFrame(rows)


def _agreement(stat: pd.Series, t: Translator) -> str:
    if not stat["agrees"]:
        return "✗ " + t("overview.disagrees")
    if stat["unknown"] > 0 and stat["computed"] != stat["published"]:
        return "✓ " + t("overview.consistent")  # the units not named could make up the difference
    return "✓ " + t("overview.agrees")
