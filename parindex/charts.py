"""Chart builders: DataFrame in, plotly Figure out; no Streamlit here.

Every figure goes through `frame()`, which draws the title, subtitle and source line inside the
figure, so a downloaded image carries them. Tier colours come from one palette (Okabe-Ito,
colour-blind safe) indexed by tier order, and every bar also names its tier in text.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from parindex import fmt

FONT = "Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif"
TIER_COLOURS = ("#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#CC79A7")
NO_TIER_COLOUR = "#8C8C8C"
INK = "#1F2933"
MUTED = "#616E7C"


def tier_colour(tier_order) -> str:
    if fmt.is_missing(tier_order):
        return NO_TIER_COLOUR
    return TIER_COLOURS[min(int(tier_order), len(TIER_COLOURS)) - 1]


def frame(fig: go.Figure, *, title: str, subtitle: str, source: str, note: str | None = None,
          height: int = 420, legend: bool = False) -> go.Figure:
    """The house frame: title (the finding), subtitle (group, measure), source and note inside.

    Long lines are wrapped (a phone is 390 px wide) and the margins are computed from the number
    of lines, so title, legend, axis title and source never overlap and nothing is cut off.
    """
    title_lines = textwrap.wrap(title, 44) or [""]
    subtitle_lines = textwrap.wrap(subtitle, 60)
    footer_lines = textwrap.wrap(source, 52) + (textwrap.wrap(note, 52) if note else [])
    heading = 12 + 23 * len(title_lines) + 18 * len(subtitle_lines)
    top = heading + (34 if legend else 14)
    bottom = 62 + 15 * len(footer_lines)
    fig.update_layout(
        title={"text": "<br>".join(f"<b>{line}</b>" for line in title_lines),
               "subtitle": {"text": "<br>".join(subtitle_lines), "font": {"color": MUTED, "size": 13}},
               "xref": "container", "x": 0, "xanchor": "left", "yref": "container", "y": 1,
               "yanchor": "top", "pad": {"t": 12, "l": 4}, "font": {"size": 17, "color": INK}},
        font={"family": FONT, "color": INK, "size": 13},
        paper_bgcolor="white", plot_bgcolor="white",
        height=height + top + bottom,
        margin={"l": 8, "r": 84, "t": top, "b": bottom},
        showlegend=legend,
        legend={"orientation": "h", "xref": "container", "x": 0, "xanchor": "left",
                "yref": "container", "y": 1 - (heading + 6) / (height + top + bottom), "yanchor": "top",
                "title": {"text": ""}},
        hoverlabel={"font": {"family": FONT}},
    )
    # Anchored at the right: long unit names widen the left margin, and the source must not be cut.
    fig.add_annotation(text="<br>".join(footer_lines), xref="paper", yref="paper", x=1, y=0,
                       xanchor="right", yanchor="top", yshift=-50, showarrow=False, align="right",
                       font={"size": 11, "color": MUTED})
    fig.update_xaxes(gridcolor="#E4E7EB", zeroline=False, automargin=True)
    fig.update_yaxes(gridcolor="#E4E7EB", zeroline=False, automargin=True)
    return fig


def tier_distribution(tiers: pd.DataFrame, lang: str, *, count_title: str) -> go.Figure:
    """Units per tier, best tier on top. Columns: tier_order, label, n, share."""
    tiers = tiers.sort_values("tier_order", ascending=False)
    texts = [f"{fmt.integer(n, lang)} · {fmt.percent(s, lang)}" for n, s in zip(tiers["n"], tiers["share"])]
    fig = go.Figure(go.Bar(
        x=tiers["n"], y=tiers["label"], orientation="h",
        marker={"color": [tier_colour(o) for o in tiers["tier_order"]]},
        text=texts, textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    fig.update_xaxes(title=count_title, rangemode="tozero", dtick=1 if tiers["n"].max() <= 10 else None)
    fig.update_yaxes(title=None)
    return fig


def ranking_bars(rows: pd.DataFrame, lang: str, *, value_title: str, axis_max: float | None) -> go.Figure:
    """One bar per unit in rank order, coloured and labelled by tier.

    Columns: label (unit), value, tier_order, tier_label, hover (full name and figures).
    """
    fig = go.Figure()
    order = list(rows["label"])
    for tier_order, group in rows.groupby(rows["tier_order"].fillna(99), sort=True):
        fig.add_trace(go.Bar(
            x=group["value"], y=group["label"], orientation="h",
            name=group["tier_label"].iat[0],
            marker={"color": tier_colour(None if tier_order == 99 else tier_order)},
            text=[fmt.number(v, lang) for v in group["value"]], textposition="outside", cliponaxis=False,
            customdata=group[["hover"]], hovertemplate="%{customdata[0]}<extra></extra>",
        ))
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], title=None)
    fig.update_xaxes(title=value_title, range=[0, axis_max * 1.08] if axis_max else None)
    fig.update_layout(barmode="overlay", bargap=0.25)
    return fig


def export_config(file_name: str) -> dict:
    """Plotly toolbar: a descriptive PNG name at twice the size, no plotly logo."""
    return {"displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2}}
