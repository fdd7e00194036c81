"""Streamlit's own English in the reader's interface: every choice widget's placeholder is ours.

A selectbox or multiselect without `placeholder=` shows Streamlit's "Choose an option" /
"Choose options" (in any language) whenever it is empty; the file uploaders say the import's own
size limit. What Streamlit writes in its frontend with no parameter ("No results", "Drag and drop
a file here", "Upload") is listed in the README.
"""

from __future__ import annotations

import pytest

from parindex.i18n import messages
from parindex.importing.sheet import MAX_BYTES
from parindex.paths import ROOT
from test_app import open_app, open_tab

pytestmark = pytest.mark.usefixtures("on_embedded")

PAGES = ("overview", "rankings", "criteria", "unit", "trends", "national", "methodology", "compare", "editors")


def choice_widgets(at) -> list:
    return [*at.selectbox, *at.multiselect]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_every_choice_widget_has_a_placeholder_in_the_readers_language(name, lang):
    session = {"editor": "lan"} if name == "editors" else None  # the import widgets are for editors
    # The communes of 2025 bring the former province and district filters.
    params = {"g": "commune"} if name == "overview" else {}
    at = open_app(str(ROOT / "pages" / f"{name}.py"), session=session, lang=lang, **params)
    if name == "trends":  # the movement tab's year picker, drawn when the tab is open
        open_tab(at, "trends_tab", at.tabs[-2].label)
    ours = set(messages(lang).values())
    widgets = choice_widgets(at)
    assert len(widgets) >= 3  # the shared filters at least
    for widget in widgets:
        assert widget.placeholder in ours, (widget.key, widget.placeholder)


def test_the_former_district_filter_says_all_in_vietnamese():
    at = open_app(str(ROOT / "pages" / "overview.py"), g="commune")
    assert at.selectbox(key="fd").placeholder == "Tất cả" and at.selectbox(key="fd").value is None


def test_the_upload_limit_shown_is_the_imports_own():
    at = open_app(str(ROOT / "pages" / "editors.py"), session={"editor": "lan"})
    uploaders = at.get("file_uploader")
    assert len(uploaders) == 2  # the year's set-up and the results
    assert {u.proto.max_upload_size_mb for u in uploaders} == {MAX_BYTES // 2**20} == {10}
