"""Charts as image files (PNG and SVG, 16:9 and square), rendered on the server by kaleido with
the system Chromium. No Streamlit here.

The figure's frame (title, subtitle, source, note, DỰ THẢO watermark) is part of the figure, so
every image carries it. One Chromium is started on the first export and kept for the process:
about 0.3 s an image after that (DESIGN section 11).
"""

from __future__ import annotations

import copy
import os
import shutil
import threading
import warnings

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

from parindex import charts

# Shape: (width over height, smallest height in px). An image is at least as tall as the chart
# on screen, so a long ranking is never squashed; the width follows from the ratio.
SHAPES = {"16x9": (16 / 9, 675), "square": (1.0, 900)}
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
PNG_SCALE = 2

_lock = threading.Lock()
_server_started = False


def available() -> bool:
    """Whether a Chromium is installed for kaleido (scripts/system-deps.sh installs Debian's)."""
    return bool(
        os.environ.get("BROWSER_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


def size(fig: go.Figure, shape: str) -> tuple[int, int]:
    """(width, height) in CSS px for a figure exported in a shape."""
    ratio, min_height = SHAPES[shape]
    height = max(int(fig.layout.height or 0), min_height)
    return round(height * ratio), height


def render(fig: go.Figure, fmt: str, shape: str) -> bytes:
    """The figure as a PNG (twice the pixels, for print) or an SVG, in a shape of SHAPES."""
    width, height = size(fig, shape)
    return render_at(fig, fmt, width, height)


def render_at(fig: go.Figure, fmt: str, width: int, height: int) -> bytes:
    """The figure at a given size in CSS px: a document's column (the report) rather than a shape."""
    if fmt not in FORMATS:
        raise ValueError(f"not an image format: {fmt!r}")
    sized = resized(fig, height, width)
    with _lock, warnings.catch_warnings():  # one Chromium, one page at a time
        # plotly passes its own Chromium options, which a running kaleido server ignores.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        _start_server()
        return pio.to_image(sized, format=fmt, width=width, height=height, scale=PNG_SCALE if fmt == "png" else 1)


def resized(fig: go.Figure, height: int, width: int | None = None) -> go.Figure:
    """A copy laid out for another size: the frame places the legend under the heading by a
    fraction of the height, so that fraction is computed again; given a width, the title and
    subtitle are wrapped again to it (a 16:9 image need not keep a phone's short lines)."""
    copied = go.Figure(copy.deepcopy(fig.to_dict()))
    meta = copied.layout.meta if isinstance(copied.layout.meta, dict) else {}
    heading = meta.get("heading_px")
    if width is not None and heading is not None and "title" in meta:
        title, subtitle, wrapped = charts.heading_lines(meta["title"], meta["subtitle"], width)
        copied.update_layout(
            title_text=title, title_subtitle_text=subtitle, margin_t=copied.layout.margin.t + wrapped - heading
        )
        heading = wrapped
    copied.update_layout(height=height)
    if heading is not None:
        copied.update_layout(legend_y=1 - (heading + 6) / height)
    return copied


def _start_server() -> None:
    global _server_started
    if not _server_started:
        kaleido.start_sync_server(silence_warnings=True)
        _server_started = True
