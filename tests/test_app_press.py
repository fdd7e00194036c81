"""What every page owes a press officer and a screen-reader user: each figure framed (title and
source inside it), a table view beside it, no raw interface key anywhere, and drafts marked."""

from __future__ import annotations

import re

import pytest

from parindex import i18n
from parindex.paths import ROOT
from test_app import figures, open_app, open_menus, open_tab, plain, table_views, texts

PAGES = {  # page file → a URL that shows all of its figures
    "overview": {"y": "2021"},
    "rankings": {"y": "2021", "g": "district"},
    "criteria": {"y": "2021", "c": "CPS"},
    "unit": {"u": "so-y-te", "y": "2021"},  # old Lào Cai's Sở Y tế, in a year it was assessed
    "trends": {},
    "national": {},
    "compare": {"u": ["so-y-te", "so-noi-vu"]},
    "methodology": {},
}
SOURCE_PREFIX = {"vi": "Nguồn:", "en": "Source:"}
RAW_KEY = re.compile(r"^[a-z_]+\.[a-z_.]+$")


def open_page(name: str, lang: str, **extra):
    params = {**PAGES[name], **extra}
    if lang != "vi":
        params["lang"] = lang
    return open_app(str(ROOT / "pages" / f"{name}.py"), menus=True, **params)


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_figure_is_framed_and_has_a_table_view(name, lang):
    at = open_page(name, lang)
    lazy = {"criteria": "criteria_tab", "trends": "trends_tab"}.get(name)  # lazy tabs: each in turn
    for tab in [None, *(at.tabs[1:] if lazy else [])]:
        if tab is not None:
            open_menus(open_tab(at, lazy, tab.label))
        _every_figure_framed(at, name, lang)


def _every_figure_framed(at, name: str, lang: str) -> None:
    shown = figures(at)
    if name != "methodology":
        assert shown, "the page drew no figure"
    for fig in shown:
        layout = fig["layout"]
        assert plain(layout["title"]["text"]), "no title"
        assert plain(layout["title"]["subtitle"]["text"]), "no subtitle"
        footers = [
            plain(a["text"])
            for a in layout.get("annotations", [])
            if a.get("yanchor") == "top" and a.get("x") == 1 and a.get("y") == 0
        ]
        assert footers and footers[0].startswith(SOURCE_PREFIX[lang]), footers
    assert len(table_views(at)) == len(shown)
    for view in table_views(at):
        assert not view.empty
        assert not any(RAW_KEY.match(str(column)) for column in view.columns), list(view.columns)


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_shows_a_raw_key(name, lang):
    i18n.MISSING.clear()
    at = open_page(name, lang)
    assert set() == i18n.MISSING
    labels = [
        w.label for kind in ("selectbox", "multiselect", "radio", "button", "download_button") for w in at.get(kind)
    ]
    words = texts(at).split() + labels + [str(c) for view in table_views(at) for c in view.columns]
    keys = set(i18n.messages("vi"))
    assert [w for w in words if w.strip(".,:;()") in keys] == []


EDITOR = {"editor": "bien-tap-vien"}


def watermarks(fig: dict) -> list[str]:
    return [plain(a["text"]) for a in fig["layout"].get("annotations", []) if a.get("name") == "draft-watermark"]


@pytest.mark.parametrize("page", ["overview", "rankings"])
def test_an_editor_sees_the_draft_year_marked_on_every_figure(draft_db, use_db, page):
    use_db(draft_db)
    at = open_app(str(ROOT / "pages" / f"{page}.py"), session=EDITOR, y="2022")
    assert at.session_state["y"] == 2022
    shown = figures(at)
    assert shown
    assert all(watermarks(fig) == ["DỰ THẢO"] for fig in shown)
    assert "alpha" in texts(at).lower()


def test_published_years_carry_no_watermark_even_for_an_editor(draft_db, use_db):
    use_db(draft_db)
    at = open_app(str(ROOT / "pages" / "rankings.py"), session=EDITOR, y="2021")
    assert [watermarks(fig) for fig in figures(at)] == [[]]


def test_an_anonymous_reader_is_told_the_year_is_not_there(draft_db, use_db):
    use_db(draft_db)
    at = open_app(y="2022")
    assert [n.value for n in at.info if "2022" in n.value]


@pytest.mark.parametrize("page", ["overview", "rankings", "trends", "unit"])
def test_an_anonymous_reader_cannot_open_the_draft_year(draft_db, use_db, page):
    use_db(draft_db)
    at = open_app(str(ROOT / "pages" / f"{page}.py"), y="2022", u="alpha")
    assert at.session_state["y"] == 2021  # the URL's 2022 is refused like any unknown year
    assert all(watermarks(fig) == [] for fig in figures(at))
    assert "93" not in texts(at)  # alpha's draft total, 93,00


@pytest.mark.usefixtures("on_embedded")
def test_without_chromium_the_image_menu_says_so_instead_of_failing(monkeypatch):
    monkeypatch.setattr("parindex.images.available", lambda: False)
    at = open_page("rankings", "vi")
    assert not [b for b in at.get("download_button") if b.key.endswith(("_png_16x9", "_svg_square"))]
    assert any("chưa cài Chromium" in c.value for c in at.caption)
