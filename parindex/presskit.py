"""The press kit: one ZIP with the year's key charts as images (PNG and SVG, 16:9 and square),
the summary paragraph, the data behind the charts as CSV and XLSX (the reader's tables of the
"Dữ liệu" menu, export.reader_table), and a note of sources. Built from the
same queries and figure builders as the pages, so the kit and the screen agree. No Streamlit."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
import plotly.graph_objects as go

from parindex import charts, export, figures, frames, images, labels
from parindex.dataset import THRESHOLD_PCT
from parindex.db import query
from parindex.i18n import Translator


@dataclass(frozen=True)
class View:
    """What the kit is for: one assessment, in one language, for one reader."""

    jurisdiction: str
    group: str
    year: int
    lang: str
    drafts: bool = False
    former_province: str | None = None  # the commune scope (app.Context.scope); None is all
    former_district: str | None = None
    group_name: str | None = None  # a subset's name ("Xã, phường từ huyện Mù Cang Chải (cũ)")

    @property
    def params(self) -> dict:
        return {"jurisdiction": self.jurisdiction, "group": self.group, "year": self.year, "drafts": self.drafts}

    @property
    def scoped(self) -> dict:
        return {**self.params, "former_province": self.former_province, "former_district": self.former_district}

    @property
    def is_subset(self) -> bool:
        return self.former_province is not None or self.former_district is not None

    def file_name(self, view: str) -> str:
        scope = self.former_district or self.former_province
        return export.file_name(self.year, self.group, view, Translator(self.lang), scope)


def build(view: View) -> bytes:
    """The ZIP's bytes. Raises LookupError when the assessment is not visible to this reader."""
    t = Translator(view.lang)
    found = query("assessment", **view.params)
    if found.empty:
        raise LookupError(f"no assessment for {view.group} {view.year}")
    assessment = found.iloc[0]
    group_name = view.group_name or t(f"group.{view.group}")
    summary = query("group_summary", **view.scoped).iloc[0]
    tiers = frames.tier_rows(query("tier_counts", **view.scoped), view.lang)
    ranking = query("ranking", **view.scoped)
    areas = query("area_scores", **view.scoped)
    area_summary = query("area_summary", threshold=THRESHOLD_PCT, **view.scoped)
    note = t("scope.ranks_note") if view.is_subset else None

    shown = {
        "tiers": (
            figures.tiers(tiers, summary, assessment, lang=t.lang, group_name=group_name, year=view.year)
            if not tiers.empty
            else None,
            export.tidy(tiers, year=view.year, group=view.group),
            export.DATA_COLUMNS,
        ),
        "ranking": (
            figures.ranking(
                ranking,
                assessment,
                lang=t.lang,
                group_name=group_name,
                year=view.year,
                note=note,
                subset=view.is_subset,
            ),
            export.tidy(ranking, year=view.year, group=view.group),
            export.RANKING_COLUMNS,
        ),
        "areas": (
            _areas_figure(areas, area_summary, assessment, view, t, group_name) if not areas.empty else None,
            export.tidy(areas, year=view.year, group=view.group),
            export.DATA_COLUMNS,
        ),
    }
    metadata = labels.file_metadata(assessment, t)
    draft = assessment["status"] == "draft"
    paragraph = labels.summary_paragraph(
        summary, tiers, area_summary, assessment, group_name=group_name, t=t, subset=view.is_subset
    )

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as kit:
        names = []
        for slug, (fig, data, columns) in shown.items():
            if fig is None:
                continue
            if draft:
                fig = charts.watermark(fig, t("chart.draft"))
            names += _add_images(kit, fig, view.file_name(slug))
            names.append(_add(kit, f"{view.file_name(slug)}.csv", export.reader_csv(data, t, columns)))
            names.append(_add(kit, f"{view.file_name(slug)}.xlsx", export.reader_xlsx(data, metadata, t, columns)))
        names.append(_add(kit, f"{view.file_name('paragraph')}.txt", paragraph.encode("utf-8")))
        readme = _readme(t, assessment, group_name, view, names, draft)
        _add(kit, f"{t('presskit.readme_file')}.txt", readme.encode("utf-8"))
    return buffer.getvalue()


def _add_images(kit: zipfile.ZipFile, fig: go.Figure, stem: str) -> list[str]:
    return [
        _add(kit, f"{stem}_{shape}.{fmt}", images.render(fig, fmt, shape))
        for fmt in images.FORMATS
        for shape in images.SHAPES
    ]


def _add(kit: zipfile.ZipFile, name: str, data: bytes) -> str:
    kit.writestr(name, data)
    return name


def _readme(t: Translator, assessment: pd.Series, group_name: str, view: View, names: list[str], draft: bool) -> str:
    lines = [
        t("presskit.title", group=labels.lower_first(group_name), year=view.year),
        "",
        labels.source_line(assessment, t),
    ]
    if assessment["n_illustrative"]:
        lines.append(t("presskit.illustrative"))
    if draft:
        lines.append(t("presskit.draft"))
    lines += [
        "",
        t("presskit.generated", at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        "",
        t("presskit.files"),
        *(f"- {name}" for name in names),
        "",
    ]
    return "\n".join(lines)


def _areas_figure(areas, area_summary, assessment, view, t, group_name: str):
    """As the Criteria page first shows it: 99 communes by former district (a 99-row image reads badly)."""
    origins = query("unit_origin_map", jurisdiction=view.jurisdiction, group=view.group)
    if figures.by_district(areas, origins):
        return figures.district_heatmap(
            areas, origins, area_summary, assessment, lang=t.lang, group_name=group_name, year=view.year
        )
    return figures.area_heatmap(areas, area_summary, assessment, lang=t.lang, group_name=group_name, year=view.year)
