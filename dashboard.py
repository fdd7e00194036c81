"""PAR Index dashboard: page set-up, the shared filters and navigation. No queries or charts here."""

from pathlib import Path

import streamlit as st

from parindex import app, logs, ui
from parindex.paths import PAGE_ADDRESSES

PAGES = Path(__file__).resolve().parent / "pages"
view = logs.PageView()  # one log line per page view, however the script ends


def page(name: str, title: str, icon: str) -> st.Page:
    """pages/<name>.py at its address; the one without an address is the default page."""
    address = PAGE_ADDRESSES[name]
    return st.Page(PAGES / f"{name}.py", title=title, icon=icon, url_path=address or None, default=not address)


st.set_page_config(page_title="Chỉ số CCHC Lào Cai", page_icon=":material/account_balance:", layout="wide")
ctx = app.setup()
st.set_page_config(page_title=ctx.t("app.title"))  # the tab title, in the chosen language
pages = [
    page("overview", ctx.t("nav.overview"), ":material/dashboard:"),
    page("rankings", ctx.t("nav.rankings"), ":material/leaderboard:"),
    page("criteria", ctx.t("nav.criteria"), ":material/grid_view:"),
    page("unit", ctx.t("nav.unit"), ":material/apartment:"),
    page("trends", ctx.t("nav.trends"), ":material/trending_up:"),
    page("national", ctx.t("nav.national"), ":material/public:"),
    page("methodology", ctx.t("nav.method"), ":material/menu_book:"),
    page("compare", ctx.t("nav.compare"), ":material/compare_arrows:"),
    page("editors", ctx.t("nav.editors"), ":material/admin_panel_settings:"),
]
unknown = app.unknown_path(list(PAGE_ADDRESSES.values()))
if unknown:  # our page at that address, in the reader's language, instead of Streamlit's English dialog
    listed = list(pages)
    pages.append(
        st.Page(
            lambda: ui.unknown_address(unknown, listed, ctx.t),
            title=ctx.t("notfound.title"),
            url_path=unknown,
            visibility="hidden",
        )
    )
page = st.navigation(pages)
try:
    page.run()
except app.DAMAGED:  # the file is damaged where only this page reads: say so, never a traceback
    app.database_error("corrupt")
finally:  # also after a page's st.stop(): the link then holds what the page wrote to the URL
    app.share_link(ctx)
    view.done(page.url_path)
