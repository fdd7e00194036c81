"""Server-side image export (kaleido with the system Chromium): what a press officer downloads
must carry its title, source and Vietnamese text, and must not be blank."""

from __future__ import annotations

import html
import io
import re

import pytest
from PIL import Image, ImageStat

from parindex import charts, figures, images
from parindex.db import query
from parindex.i18n import Translator

pytestmark = pytest.mark.usefixtures("on_embedded")


def ranking_2021(lang: str = "vi", draft: bool = False):
    params = {"jurisdiction": "lao-cai", "group": "department", "year": 2021}
    t = Translator(lang)
    fig = figures.ranking(
        query("ranking", **params),
        query("assessment", **params).iloc[0],
        lang=lang,
        group_name=t("group.department"),
        year=2021,
    )
    return charts.watermark(fig, t("chart.draft")) if draft else fig


def svg_text(svg: bytes) -> str:
    """The words an SVG draws, one string (plotly writes each line as <text>/<tspan>)."""
    return " ".join(html.unescape(" ".join(re.findall(r">([^<>]+)<", svg.decode("utf-8")))).split())


@pytest.mark.parametrize("shape", list(images.SHAPES))
def test_svg_carries_title_source_and_diacritics(shape):
    svg = images.render(ranking_2021(), "svg", shape)
    text = svg_text(svg)
    assert re.search(r"Sở \w+.* dẫn đầu", text)  # the title states the finding, with its diacritics
    assert "Nguồn: UBND tỉnh Lào Cai" in text
    assert "2021" in text
    width, height = images.size(ranking_2021(), shape)
    assert f'width="{width}" height="{height}"' in svg.decode("utf-8")[:300]
    assert (width / height) == pytest.approx(images.SHAPES[shape][0], rel=0.01)


def test_svg_in_english_and_a_draft_says_so():
    assert "Source:" in svg_text(images.render(ranking_2021("en"), "svg", "16x9"))
    assert "DỰ THẢO" in svg_text(images.render(ranking_2021(draft=True), "svg", "square"))


def test_png_is_twice_the_size_and_not_blank():
    fig = ranking_2021()
    png = Image.open(io.BytesIO(images.render(fig, "png", "16x9"))).convert("L")
    width, height = images.size(fig, "16x9")
    assert png.size == (2 * width, 2 * height)
    stats = ImageStat.Stat(png)
    assert stats.stddev[0] > 20  # bars, text and white space, not one flat colour
    dark = sum(png.histogram()[:128]) / (png.size[0] * png.size[1])
    assert 0.005 < dark < 0.5


def test_a_tall_chart_is_not_squashed_into_the_shape():
    fig = ranking_2021()
    _width, height = images.size(fig, "16x9")
    assert height == max(fig.layout.height, images.SHAPES["16x9"][1])
    taller = images.resized(fig, height + 200)
    below_top = [(1 - f.layout.legend.y) * f.layout.height for f in (fig, taller)]
    assert below_top[0] == pytest.approx(below_top[1])  # the legend stays just under the heading, in px


def test_a_wide_image_wraps_the_heading_to_its_width_not_a_phones():
    fig = ranking_2021()  # "Sở Lao động - Thương binh và Xã hội dẫn đầu …": two lines on a phone
    width, height = images.size(fig, "16x9")
    wide = images.resized(fig, height, width)
    words = [" ".join(re.sub(r"<[^>]+>", " ", f.layout.title.text).split()) for f in (fig, wide)]
    assert words[0] == words[1] == "Sở Lao động - Thương binh và Xã hội dẫn đầu sở, ban, ngành năm 2021"
    assert fig.layout.title.text.count("<br>") == 1 and wide.layout.title.text.count("<br>") == 0

    def lines(text: str) -> int:
        return text.count("<br>") + 1

    saved = 22 * (lines(fig.layout.title.text) - lines(wide.layout.title.text)) + 18 * (
        lines(fig.layout.title.subtitle.text) - lines(wide.layout.title.subtitle.text)
    )
    assert saved >= 22 and wide.layout.margin.t == fig.layout.margin.t - saved  # the plot moves up
    below_top = (1 - fig.layout.legend.y) * fig.layout.height - saved
    assert (1 - wide.layout.legend.y) * height == pytest.approx(below_top)  # the legend still just under


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        images.render(ranking_2021(), "gif", "16x9")
