"""Chart builders: DataFrame in, plotly Figure out; no Streamlit here.

Every figure goes through `frame()`, which draws the title, subtitle and source line inside the
figure, so a downloaded image carries them. Tier colours come from one palette (Okabe-Ito,
colour-blind safe) indexed by tier order, and every bar also names its tier in text.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from parindex import fmt

FONT = "Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif"
TIER_COLOURS = ("#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#CC79A7")
NO_TIER_COLOUR = "#8C8C8C"
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")  # Okabe-Ito
INK = "#1F2933"
MUTED = "#616E7C"


def tier_colour(tier_order) -> str:
    if fmt.is_missing(tier_order):
        return NO_TIER_COLOUR
    return TIER_COLOURS[min(int(tier_order), len(TIER_COLOURS)) - 1]


def frame(
    fig: go.Figure,
    *,
    lang: str,
    title: str,
    subtitle: str,
    source: str,
    note: str | None = None,
    height: int = 420,
    legend: bool = False,
    top_labels: int = 0,
    right: int = 84,
) -> go.Figure:
    """The house frame: title (the finding), subtitle (group, measure), source and note inside.

    Long lines are wrapped (a phone is 390 px wide) and the margins are computed from the number
    of lines, so title, legend, axis title and source never overlap and nothing is cut off.
    `top_labels` is the number of text lines an axis draws above the plot (a heatmap's columns);
    `right` the margin beside the plot (a colour bar's or a modebar's room).
    """
    title = capitalised(title)  # a title may begin with a name written lower case ('huyện Bảo Yên: …')
    title_text, subtitle_text, heading = heading_lines(title, subtitle)
    footer_lines = textwrap.wrap(source, 50) + (textwrap.wrap(note, 50) if note else [])
    top = heading + (34 if legend else 14) + 16 * top_labels
    bottom = 62 + 15 * len(footer_lines)
    # One merged layout, validated once: plotly's update_layout and update_*axes re-walk the
    # whole layout on every call (~30 ms a chart, profiled; now ~8). The default template is
    # left out of the copy and validation; plotly's layout setter puts it back as it was.
    fig.layout.template = None
    layout = fig.layout.to_plotly_json()
    _merge(
        layout,
        {
            "title": {
                "text": title_text,
                "subtitle": {"text": subtitle_text, "font": {"color": MUTED, "size": 13}},
                "xref": "container",
                "x": 0,
                "xanchor": "left",
                "yref": "container",
                "y": 1,
                "yanchor": "top",
                "pad": {"t": 18, "l": 12},
                "font": {"size": 16, "color": INK},
            },  # room for ể, ỗ
            "font": {"family": FONT, "color": INK, "size": 13},
            "separators": ",." if lang == "vi" else ".,",  # axis ticks: 89,5 in Vietnamese
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "height": height + top + bottom,
            "margin": {"l": 8, "r": right, "t": top, "b": bottom},
            "showlegend": legend,
            "legend": {
                "orientation": "h",
                "xref": "container",
                "x": 0.01,
                "xanchor": "left",
                "yref": "container",
                "y": 1 - (heading + 6) / (height + top + bottom),
                "yanchor": "top",
                "title": {"text": ""},
            },
            "hoverlabel": {"font": {"family": FONT}},
            "modebar": {"orientation": "v"},  # down the right edge, not over a long title on a phone
            # For an export at another size (parindex.images): the heading again, wrapped to its width.
            "meta": {"heading_px": heading, "title": title, "subtitle": subtitle},
        },
    )
    # Anchored at the figure's right edge (the plot's right plus the margin): long unit names
    # widen the left margin, and the source must not be cut even on a phone.
    layout["annotations"] = [
        *layout.get("annotations", ()),
        {
            "text": "<br>".join(footer_lines),
            "xref": "paper",
            "yref": "paper",
            "x": 1,
            "y": 0,
            "xanchor": "right",
            "yanchor": "top",
            "xshift": right - 8,
            "yshift": -50,
            "showarrow": False,
            "align": "right",
            "font": {"size": 11, "color": MUTED},
        },
    ]
    for axis in {"xaxis", "yaxis", *(key for key in layout if key.startswith(("xaxis", "yaxis")))}:
        _merge(layout.setdefault(axis, {}), {"gridcolor": "#E4E7EB", "zeroline": False, "automargin": True})
    fig.layout = go.Layout(layout)
    return fig


def capitalised(text: str) -> str:
    """The first letter of a title or sentence in upper case, the rest as written (str.capitalize
    would lower the place names): 'huyện Bảo Yên: …' → 'Huyện Bảo Yên: …'."""
    return text[:1].upper() + text[1:]


def heading_lines(title: str, subtitle: str, width_px: int = 390) -> tuple[str, str, int]:
    """Title (bold) and subtitle wrapped for a figure `width_px` wide (a phone by default), and
    the height in px they take from the top."""
    title_lines = textwrap.wrap(title, min(72, width_px * 38 // 390)) or [""]
    subtitle_lines = textwrap.wrap(subtitle, min(96, width_px * 46 // 390))
    return (
        "<br>".join(f"<b>{line}</b>" for line in title_lines),
        "<br>".join(subtitle_lines),
        18 + 22 * len(title_lines) + 18 * len(subtitle_lines),
    )


def _merge(base: dict, extra: dict) -> dict:
    """Deep-merge extra into base (nested dicts merged, other values replaced)."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def tier_distribution(tiers: pd.DataFrame, lang: str, *, count_title: str) -> go.Figure:
    """Units per tier, best tier on top. Columns: tier_order, label, n, share."""
    tiers = tiers.sort_values("tier_order", ascending=False)
    texts = [f"{fmt.integer(n, lang)} · {fmt.percent(s, lang)}" for n, s in zip(tiers["n"], tiers["share"])]
    fig = go.Figure(
        go.Bar(
            x=tiers["n"],
            y=tiers["label"],
            orientation="h",
            marker={"color": [tier_colour(o) for o in tiers["tier_order"]]},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(title=count_title, rangemode="tozero", dtick=1 if tiers["n"].max() <= 10 else None)
    fig.update_yaxes(title=None)
    return fig


def ranking_bars(
    rows: pd.DataFrame,
    lang: str,
    *,
    value_title: str,
    axis_max: float | None,
    order: list[str] | None = None,
    highlight: str | None = None,
) -> go.Figure:
    """One bar per unit in rank order, coloured and labelled by tier.

    Columns: label (unit), value, tier_order, tier_label, hover (full name and figures).
    `order` is the labels top to bottom (default: the rows'), and may hold labels without a row:
    a gap, drawn as an empty line with its text. `highlight` (a label) is outlined and its label
    marked ▶, in bold.
    """
    fig = go.Figure()
    order = list(order) if order is not None else list(rows["label"])
    for tier_order, group in rows.groupby(rows["tier_order"].fillna(99), sort=True):
        marked = [label == highlight for label in group["label"]]
        fig.add_trace(
            go.Bar(
                x=group["value"],
                y=group["label"],
                orientation="h",
                name=group["tier_label"].iat[0],
                marker={"color": tier_colour(None if tier_order == 99 else tier_order)},
                text=[("◀ " if m else "") + fmt.number(v, lang) for v, m in zip(group["value"], marked)],
                textposition="outside",
                cliponaxis=False,
                customdata=group[["hover"]],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
    _outline(fig, rows, highlight)
    gaps = [label for label in order if label not in set(rows["label"])]
    if gaps:  # an invisible bar keeps each gap's line on the axis
        fig.add_trace(
            go.Bar(
                x=[0] * len(gaps),
                y=gaps,
                orientation="h",
                showlegend=False,
                hoverinfo="skip",
                marker={"color": "rgba(0,0,0,0)"},
            )
        )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=order[::-1],
        title=None,
        tickvals=order[::-1],
        ticktext=[_tick(label, label == highlight, label in gaps) for label in order[::-1]],
    )
    fig.update_xaxes(title=value_title, range=[0, axis_max * 1.08] if axis_max else None)
    fig.update_layout(barmode="overlay", bargap=0.25)
    return fig


def _outline(fig: go.Figure, rows: pd.DataFrame, highlight: str | None) -> None:
    """The highlighted bar's outline, as a bar of its own over it: an outline on one bar of a
    trace would outline that trace's legend swatch too, when the bar is the trace's first."""
    marked = rows[rows["label"] == highlight] if highlight else rows.iloc[:0]
    if not marked.empty:
        fig.add_trace(
            go.Bar(
                x=marked["value"],
                y=marked["label"],
                orientation="h",
                showlegend=False,
                hoverinfo="skip",
                marker={"color": "rgba(0,0,0,0)", "line": {"color": INK, "width": 3}},
            )
        )


def _tick(label: str, marked: bool, gap: bool) -> str:
    if marked:
        return f"<b>▶ {label}</b>"
    return f"<i>{label}</i>" if gap else label


def watermark(fig: go.Figure, text: str) -> go.Figure:
    """A copy marked across the plot, large and pale: a draft's figures say so on every copy of
    the image. A copy, because the figure given may be shared (figures._kept)."""
    fig = go.Figure(fig)
    fig.add_annotation(
        text=f"<b>{text}</b>",
        name="draft-watermark",
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        textangle=-24,
        opacity=0.16,
        font={"size": 72, "color": "#B00020"},
    )
    return fig


def export_config(file_name: str) -> dict:
    """Plotly toolbar: a descriptive PNG name at twice the size, no plotly logo."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2}}


# Fixed 0-100, diverging at 80 % (the planners' threshold): red below, blue above, never re-fitted.
PCT_SCALE = [[0.0, "#67001F"], [0.5, "#D6604D"], [0.7, "#F4A582"], [0.8, "#F7F7F7"], [0.9, "#92C5DE"], [1.0, "#2166AC"]]


HEATMAP_RIGHT = 16  # no colour bar beside a heatmap


def heading_room(headings) -> int:
    """Lines of 16 px (frame's `top_labels`) that a heatmap's upright headings need: ~6,2 px a
    character at 11 px, the longest heading whole."""
    return math.ceil(max((len(str(h)) for h in headings), default=0) * 6.2 / 16) + 1


def heatmap(
    matrix: pd.DataFrame, lang: str, *, highlight: str | None = None, column_names: list[str] | None = None
) -> go.Figure:
    """Units (rows, in the given order) by areas (columns), each cell a % of maximum, printed.

    `matrix` is indexed by row label with one column per area label; NaN stays blank.
    `highlight` (a row label) is outlined and its label marked ▶, in bold. `column_names` (one per
    column) name the columns in full on hover, where a heading is shortened.
    """
    text = [[fmt.number(v, lang, 0) for v in row] for row in matrix.to_numpy()]
    columns = [str(c) for c in matrix.columns]
    names = list(column_names) if column_names is not None else columns
    # The hover gives the value as every table does (two decimals); the cell a whole number.
    hover = [[[name, fmt.number(v, lang)] for name, v in zip(names, row)] for row in matrix.to_numpy()]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(dtype=float),
            x=columns,
            y=list(matrix.index),
            zmin=0,
            zmax=100,
            colorscale=PCT_SCALE,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 10},
            xgap=2,
            ygap=2,
            hoverongaps=False,
            # Every cell prints its value and the subtitle names the fixed 0-100 scale: no colour bar,
            # whose room a phone's eight columns need (HEATMAP_RIGHT).
            showscale=False,
            customdata=hover,
            hovertemplate="%{y}<br>%{customdata[0]}: %{customdata[1]}%<extra></extra>",
        )
    )
    rows = list(matrix.index)
    fig.update_yaxes(
        autorange="reversed",
        title=None,
        showgrid=False,
        tickfont={"size": 11},
        tickvals=rows,
        ticktext=[f"<b>▶ {r}</b>" if r == highlight else r for r in rows],
    )
    # One line per heading, turned upright where the columns are too narrow for it (a phone): the
    # top margin grows to hold them (automargin).
    fig.update_xaxes(side="top", title=None, showgrid=False, tickangle=-90, tickfont={"size": 11})
    if highlight in rows:
        at = rows.index(highlight)
        fig.add_shape(
            type="rect",
            xref="x domain",
            yref="y",
            x0=0,
            x1=1,
            y0=at - 0.5,
            y1=at + 0.5,
            line={"color": INK, "width": 3},
        )
    return fig


PARETO_TOP_LINES = 3  # frame's top_labels for the running share's axis, drawn above the plot


def pareto(
    rows: pd.DataFrame,
    lang: str,
    *,
    lost_title: str,
    share_title: str,
    flagged_name: str,
    other_name: str,
    unit_rows: pd.DataFrame | None = None,
    unit_name: str = "",
) -> go.Figure:
    """Where the points go: points lost per criterion (horizontal bars, most first, each row named
    by its code and short name: readable at a phone's width) and the running share of all points
    lost (a line on the axis above). Columns: label, points_lost, cumulative_share, flagged (bool),
    hover (the full name and figures). `unit_rows` (label, points_lost, hover): one unit's own share
    of each bar, drawn inside it, dark, hatched and outlined (not told by colour alone), its legend
    entry `unit_name` in bold."""
    fig = go.Figure()
    any_flagged = bool(rows["flagged"].any())
    for flagged, name, colour in (
        (True, flagged_name, TIER_COLOURS[3]),
        (False, other_name if any_flagged else lost_title, TIER_COLOURS[1]),
    ):
        part = rows[rows["flagged"] == flagged]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                y=part["label"],
                x=part["points_lost"],
                name=name,
                orientation="h",
                marker={"color": colour},
                customdata=part[["hover"]],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
    if unit_rows is not None and not unit_rows.empty:
        fig.add_trace(
            go.Bar(
                y=unit_rows["label"],
                x=unit_rows["points_lost"],
                name=f"<b>▶ {unit_name}</b>",
                orientation="h",
                width=0.45,
                marker={
                    "color": INK,
                    "line": {"color": INK, "width": 1.5},
                    "pattern": {"shape": "/", "fgcolor": "white", "solidity": 0.3},
                },
                customdata=unit_rows[["hover"]],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            y=rows["label"],
            x=rows["cumulative_share"] * 100,
            name=share_title,
            xaxis="x2",
            mode="lines+markers",
            line={"color": INK, "width": 2},
            marker={"size": 5},
            customdata=[fmt.percent(s, lang) for s in rows["cumulative_share"]],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    fig.update_layout(
        barmode="overlay",
        xaxis={"title": lost_title, "rangemode": "tozero"},
        xaxis2={
            "title": share_title,
            "overlaying": "x",
            "side": "top",
            "range": [0, 105],
            "tickangle": 0,
            "tickvals": [0, 50, 100],
            "ticktext": ["0%", "50%", "100%"],
            "showgrid": False,
        },
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["label"])[::-1], title=None)
    return fig


def diverging_bars(
    rows: pd.DataFrame,
    lang: str,
    *,
    value_title: str,
    positive_name: str,
    other_name: str,
    highlight: str | None = None,
) -> go.Figure:
    """Signed values per row, largest first (self-assessed minus appraised points).
    Columns: label, value, hover. `highlight` (a label) is outlined and its label marked ▶, in bold."""
    fig = go.Figure()
    for positive, name, colour in ((True, positive_name, TIER_COLOURS[3]), (False, other_name, TIER_COLOURS[0])):
        part = rows[(rows["value"] > 0) == positive]
        fig.add_trace(
            go.Bar(
                x=part["value"],
                y=part["label"],
                orientation="h",
                name=name,
                marker={"color": colour},
                text=[fmt.signed(v, lang) for v in part["value"]],
                textposition="outside",
                cliponaxis=False,
                customdata=part[["hover"]],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
    _outline(fig, rows, highlight)
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["label"])[::-1], title=None)
    if highlight in set(rows["label"]):
        order = list(rows["label"])[::-1]
        fig.update_yaxes(tickvals=order, ticktext=[_tick(label, label == highlight, False) for label in order])
    fig.update_xaxes(title=value_title, zeroline=True, zerolinecolor=MUTED)
    fig.update_layout(barmode="overlay")
    return fig


def history(
    lines: pd.DataFrame,
    lang: str,
    *,
    value_title: str,
    band: pd.DataFrame | None = None,
    band_name: str = "",
    spread: pd.DataFrame | None = None,
    spread_name: str = "",
    breaks: pd.DataFrame | None = None,
    break_name: str = "",
    highlight: str | None = None,
) -> go.Figure:
    """% of maximum over the years, one line per series; a missing year is a gap, never a zero.

    `lines` columns: series, year, value, hover; `band` (optional) columns: year, value (a
    reference line such as the group mean, drawn dashed behind the series); `spread` (optional)
    columns: year, low, high (a shaded range such as the middle half of the group); `breaks`
    (optional) columns: x, value, text (a merge, split or abolition: a dotted rule and a marker
    whose hover says what happened; the lines on either side are never joined). `highlight` (a
    series) is drawn thicker with diamond markers outlined, its end label bold and marked ▶.
    """
    fig = go.Figure()
    if spread is not None and not spread.empty:
        fig.add_trace(
            go.Scatter(
                x=spread["year"],
                y=spread["high"],
                mode="lines",
                line={"width": 0},
                showlegend=False,
                hoverinfo="skip",
                connectgaps=False,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=spread["year"],
                y=spread["low"],
                mode="lines",
                line={"width": 0},
                fill="tonexty",
                fillcolor="rgba(97, 110, 124, 0.15)",
                name=spread_name,
                hoverinfo="skip",
                connectgaps=False,
            )
        )
    if band is not None and not band.empty:
        fig.add_trace(
            go.Scatter(
                x=band["year"],
                y=band["value"],
                name=band_name,
                mode="lines",
                line={"color": MUTED, "dash": "dash", "width": 1.5},
                connectgaps=False,
                hovertemplate="%{x}: %{y:.2f}%<extra>" + band_name + "</extra>",
            )
        )
    ends = []
    for i, (series, part) in enumerate(lines.groupby("series", sort=False)):
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        marked = series == highlight
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["value"],
                name=series,
                mode="lines+markers",
                connectgaps=False,
                line={"color": colour, "width": 5 if marked else 2.5},
                marker={"size": 12, "symbol": "diamond", "line": {"color": INK, "width": 2}} if marked else {"size": 8},
                customdata=part[["hover"]],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
        last = part.dropna(subset=["value"]).sort_values("year").tail(1)
        ends += [(x, y, colour, marked) for x, y in zip(last["year"], last["value"])]
    _end_labels(fig, ends, lang)
    if breaks is not None and not breaks.empty:
        for x in breaks["x"].unique():
            fig.add_vline(x=x, line={"color": MUTED, "dash": "dot", "width": 1.5})
        fig.add_trace(
            go.Scatter(
                x=breaks["x"],
                y=breaks["value"],
                mode="markers",
                name=break_name,
                marker={"symbol": "x-thin-open", "size": 14, "color": INK, "line": {"width": 2}},
                customdata=breaks[["text"]],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
    fig.update_xaxes(dtick=1, title=None)
    fig.update_yaxes(title=value_title, ticksuffix="%")
    return fig


def area_profile(
    rows: pd.DataFrame, lang: str, *, unit_name: str, mean_name: str, best_name: str, value_title: str
) -> go.Figure:
    """Each area's % of maximum for one unit against the group mean and the best unit.
    Columns: label, pct, group_mean_pct, group_best_pct."""
    fig = go.Figure()
    for column, name, symbol, colour in (
        ("group_best_pct", best_name, "diamond", TIER_COLOURS[1]),
        ("group_mean_pct", mean_name, "line-ns-open", MUTED),
        ("pct", unit_name, "circle", TIER_COLOURS[0]),
    ):
        fig.add_trace(
            go.Scatter(
                x=rows[column],
                y=rows["label"],
                mode="markers",
                name=name,
                marker={"symbol": symbol, "size": 13, "color": colour, "line": {"width": 2, "color": colour}},
                hovertemplate="%{y}: %{x:.2f}%<extra>" + name + "</extra>",
            )
        )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=value_title, ticksuffix="%")
    return fig


def grouped_bars(rows: pd.DataFrame, lang: str, *, value_title: str) -> go.Figure:
    """One horizontal bar per (category, series): units side by side per area, readable at any
    width. Columns: category, series, value."""
    fig = go.Figure()
    for i, (series, part) in enumerate(rows.groupby("series", sort=False)):
        fig.add_trace(
            go.Bar(
                y=part["category"],
                x=part["value"],
                name=series,
                orientation="h",
                marker={"color": SERIES_COLOURS[i % len(SERIES_COLOURS)]},
                text=[fmt.pct_of_max(v, lang) for v in part["value"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{x:.2f}%<extra>" + series + "</extra>",
            )
        )
    fig.update_layout(barmode="group", legend={"traceorder": "normal"})
    fig.update_xaxes(title=value_title, range=[0, 108], ticksuffix="%")
    fig.update_yaxes(title=None, autorange="reversed")
    return fig


LABEL_GAP = 0.12  # of a line chart's value range: a 12 px label's height where a phone's legend leaves ~150 px


def spread(values: list[float], gap: float) -> list[float]:
    """Positions for labels wanted at `values`, at least `gap` apart, each moved as little as it
    can be: labels that would overlap are spread as a block centred where they wanted to be, blocks
    that then touch are merged. The result keeps the input's order."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    blocks: list[list[int]] = []  # runs of labels placed `gap` apart, lowest first

    def start(block):  # the block's lowest position: its members' wishes, centred
        return sum(values[i] for i in block) / len(block) - gap * (len(block) - 1) / 2

    for i in order:
        blocks.append([i])
        while len(blocks) > 1 and start(blocks[-2]) + gap * len(blocks[-2]) > start(blocks[-1]):
            blocks[-2:] = [blocks[-2] + blocks[-1]]
    placed = [0.0] * len(values)
    for block in blocks:
        for k, i in enumerate(block):
            placed[i] = start(block) + gap * k
    return placed


def _end_labels(fig: go.Figure, ends: list[tuple], lang: str) -> None:
    """Each line's last value (x, y, colour, marked), written beside its last point in the line's
    colour, bold and ▶ for the reader's unit; labels at the same year are spread apart so that none
    covers another (83,20 over 82,60), on a value axis fixed here so that the spacing holds."""
    values = [y for _, y, _, _ in ends] + [
        y for trace in fig.data if trace.y is not None for y in trace.y if not fmt.is_missing(y)
    ]
    if not values:
        return
    low, high = min(values), max(values)
    pad = max(2.0, (high - low) * 0.08)
    fig.update_yaxes(range=[low - pad, high + pad])
    # plotly widens an automatic axis to hold its annotations' text (2025 became 2028): the years
    # are fixed, and the labels sit in the margin beside the plot.
    years = [x for trace in fig.data if trace.x is not None for x in trace.x if not fmt.is_missing(x)]
    fig.update_xaxes(range=[min(years) - 0.5, max(years) + 0.5])
    gap = LABEL_GAP * (high - low + 2 * pad)
    # A label is wider than a year on a phone: lines ending in neighbouring years share the spacing.
    groups: list[list[tuple]] = []
    for end in sorted(ends, key=lambda e: e[0]):
        if groups and end[0] - groups[-1][-1][0] <= 1:
            groups[-1].append(end)
        else:
            groups.append([end])
    for group in groups:
        for (x, y, colour, marked), place in zip(group, spread([y for _, y, _, _ in group], gap)):
            text = f"<b>▶ {fmt.number(y, lang)}</b>" if marked else fmt.number(y, lang)
            fig.add_annotation(
                x=x,
                y=place,
                text=text,
                showarrow=False,
                xanchor="left",
                xshift=7,
                font={"size": 12, "color": colour},
                name="end-label",
                bgcolor="rgba(255, 255, 255, 0.85)",
            )  # readable over a line or a break's mark


def dumbbell(
    rows: pd.DataFrame, lang: str, *, from_name: str, to_name: str, rank_title: str, highlight: str | None = None
) -> go.Figure:
    """Rank in two years per unit, joined by a line; rank 1 on the right (up is better).
    Columns: label, rank_from, rank_to, moved, hover. `highlight` (a label) has both its points
    boxed and its label marked ▶, in bold."""
    fig = go.Figure()
    # One trace per colour, the segments separated by gaps: a trace per unit cost ~2 ms each,
    # 0.2 s for a province's hundred communes (profiled).
    for moved, colour in (
        (rows["moved"] > 0, TIER_COLOURS[0]),
        (rows["moved"] < 0, TIER_COLOURS[3]),
        (rows["moved"] == 0, MUTED),
    ):
        part = rows[moved]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=[v for a, b in zip(part["rank_from"], part["rank_to"]) for v in (a, b, None)],
                y=[v for label in part["label"] for v in (label, label, None)],
                mode="lines",
                line={"color": colour, "width": 3},
                showlegend=False,
                hoverinfo="skip",
                connectgaps=False,
            )
        )
    for column, name, symbol, colour in (
        ("rank_from", from_name, "circle-open", MUTED),
        ("rank_to", to_name, "circle", INK),
    ):
        fig.add_trace(
            go.Scatter(
                x=rows[column],
                y=rows["label"],
                mode="markers",
                name=name,
                marker={"symbol": symbol, "size": 11, "color": colour, "line": {"width": 2}},
                customdata=rows[["hover"]],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
    ranks = pd.concat([rows["rank_from"], rows["rank_to"]]).dropna()
    fig.update_xaxes(title=rank_title, **rank_axis(int(ranks.max()) if not ranks.empty else 1))
    fig.update_yaxes(title=None, autorange="reversed")
    marked = rows[rows["label"] == highlight] if highlight else rows.iloc[:0]
    if not marked.empty:
        fig.add_trace(
            go.Scatter(
                x=[*marked["rank_from"], *marked["rank_to"]],
                y=[*marked["label"]] * 2,
                mode="markers",
                showlegend=False,
                hoverinfo="skip",
                marker={"symbol": "square-open", "size": 20, "color": INK, "line": {"width": 2}},
            )
        )
        labels = list(rows["label"])
        fig.update_yaxes(tickvals=labels, ticktext=[_tick(label, label == highlight, False) for label in labels])
    return fig


def rank_axis(n: int) -> dict:
    """An axis of ranks 1 to `n`, reversed (rank 1 at the top of a y axis, on the right of an x
    axis): whole ranks only, upright, 1 and n and at most two round steps between (a phone gives a
    dumbbell's axis ~80 px); never 0 or n + 1."""
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if (n - 1) // s <= 2 or n <= 6 or s == 500)
    ticks = sorted({1, n, *(k for k in range(step, n, step) if n - k >= step / 2)})
    pad = max(0.6, n * 0.07)  # room for a marker (and its label) at either end
    return {
        "range": [n + pad, 1 - pad],
        "autorange": False,
        "tickvals": ticks,
        "ticktext": [str(k) for k in ticks],
        "tickangle": 0,
    }


def area_lines(
    rows: pd.DataFrame, lang: str, *, value_title: str, change_years: list[int], change_text: str
) -> go.Figure:
    """Mean % per area over the years, a dotted rule where the criteria set changed.
    Columns: series (area), year, value."""
    fig = go.Figure()
    for i, (series, part) in enumerate(rows.groupby("series", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["value"],
                name=series,
                mode="lines+markers",
                line={
                    "color": SERIES_COLOURS[i % len(SERIES_COLOURS)],
                    "width": 2,
                    "dash": "solid" if i < len(SERIES_COLOURS) else "dash",
                },
                hovertemplate="%{x}: %{y:.2f}%<extra>" + series + "</extra>",
            )
        )
    for year in change_years:
        fig.add_vline(x=year - 0.5, line={"color": MUTED, "dash": "dot", "width": 1.5})
        fig.add_annotation(
            x=year - 0.5,
            y=1,
            yref="paper",
            text=change_text,
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            font={"size": 11, "color": MUTED},
        )
    fig.update_xaxes(dtick=1, title=None)
    fig.update_yaxes(title=value_title, ticksuffix="%")
    return fig


def tier_stack(rows: pd.DataFrame, lang: str, *, count_title: str, order_names: dict[int, str]) -> go.Figure:
    """Units per tier in each year, stacked, best tier at the bottom; each year keeps its own
    labels (in the hover and the bar text). Columns: year, tier_order, label, n."""
    fig = go.Figure()
    for order, part in rows[rows["n"] > 0].groupby("tier_order", sort=True):  # no legend entry for an empty tier
        fig.add_trace(
            go.Bar(
                x=part["year"].astype(str),
                y=part["n"],
                name=order_names.get(int(order), str(order)),
                marker={"color": tier_colour(order)},
                text=part["n"],
                textposition="inside",
                customdata=part[["label"]],
                hovertemplate="%{x} · %{customdata[0]}: %{y}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title=count_title)
    fig.update_xaxes(title=None, type="category")
    return fig


def rank_history(
    rows: pd.DataFrame, lang: str, *, rank_title: str, rank_of: int, derived_name: str, stated_name: str
) -> go.Figure:
    """A place among `rank_of` over the years, rank 1 at the top, one line per `series` (in the
    order they come; one line when there is no such column); derived places drawn hollow; a year
    without a place is a gap. Columns: year, rank, derived, hover (and series)."""
    rows = rows if "series" in rows else rows.assign(series="")
    several = rows["series"].nunique() > 1
    fig = go.Figure()
    for number, (series, part) in enumerate(rows.groupby("series", sort=False)):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["rank"],
                mode="lines",
                connectgaps=False,
                name=series,
                line={"color": colour if several else MUTED, "width": 2 if several else 1.5},
                showlegend=several,
                legendgroup=series,
                hoverinfo="skip",
            )
        )
        for derived, symbol in ((False, "circle"), (True, "circle-open")):
            points = part[part["derived"].fillna(False).astype(bool) == derived].dropna(subset=["rank"])
            fig.add_trace(
                go.Scatter(
                    x=points["year"],
                    y=points["rank"],
                    mode="markers+text",
                    name=(derived_name if derived else stated_name)
                    if not several
                    else f"{series}, " + (derived_name if derived else stated_name),
                    showlegend=not several,
                    legendgroup=series,
                    marker={
                        "symbol": symbol,
                        "size": 12,
                        "color": colour if several else TIER_COLOURS[0],
                        "line": {"width": 2},
                    },
                    text=[fmt.integer(v, lang) for v in points["rank"]],
                    textposition="top center" if number % 2 == 0 else "bottom center",
                    customdata=points[["hover"]],
                    hovertemplate="%{customdata[0]}<extra></extra>",
                )
            )
    if several:  # the two kinds of point, once, in grey: the colours name the provinces
        for name, symbol in ((stated_name, "circle"), (derived_name, "circle-open")):
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=name,
                    hoverinfo="skip",
                    marker={"symbol": symbol, "size": 12, "color": MUTED, "line": {"width": 2}},
                )
            )
    fig.update_yaxes(title=rank_title, **rank_axis(rank_of))
    fig.update_xaxes(dtick=1, title=None)
    return fig
