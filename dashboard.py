"""PAR Index dashboard: page set-up, the shared filters and navigation. No queries or charts here."""

from pathlib import Path

import streamlit as st

from parindex import app, logs, ui

PAGES = Path(__file__).resolve().parent / "pages"

view = logs.PageView()  # one log line per page view, however the script ends
st.set_page_config(page_title="Chỉ số CCHC Lào Cai", page_icon=":material/account_balance:", layout="wide")
ctx = app.setup()
st.set_page_config(page_title=ctx.t("app.title"))  # the tab title, in the chosen language
pages = [
    st.Page(PAGES / "overview.py", title=ctx.t("nav.overview"), icon=":material/dashboard:", default=True),
    st.Page(PAGES / "rankings.py", title=ctx.t("nav.rankings"), icon=":material/leaderboard:", url_path="xep-hang"),
    st.Page(PAGES / "criteria.py", title=ctx.t("nav.criteria"), icon=":material/grid_view:", url_path="tieu-chi"),
    st.Page(PAGES / "unit.py", title=ctx.t("nav.unit"), icon=":material/apartment:", url_path="don-vi"),
    st.Page(PAGES / "trends.py", title=ctx.t("nav.trends"), icon=":material/trending_up:", url_path="xu-huong"),
    st.Page(PAGES / "national.py", title=ctx.t("nav.national"), icon=":material/public:", url_path="toan-quoc"),
    st.Page(PAGES / "methodology.py", title=ctx.t("nav.method"), icon=":material/menu_book:", url_path="du-lieu"),
    st.Page(PAGES / "compare.py", title=ctx.t("nav.compare"), icon=":material/compare_arrows:", url_path="so-sanh"),
    st.Page(PAGES / "editors.py", title=ctx.t("nav.editors"), icon=":material/admin_panel_settings:", url_path="quan-tri"),
]
unknown = app.unknown_path([page.url_path for page in pages])
if unknown:  # our page at that address, in the reader's language, instead of Streamlit's English dialog
    listed = list(pages)
    pages.append(st.Page(lambda: ui.unknown_address(unknown, listed, ctx.t), title=ctx.t("notfound.title"),
                         url_path=unknown, visibility="hidden"))
page = st.navigation(pages)
try:
    page.run()
except app.DAMAGED:  # the file is damaged where only this page reads: say so, never a traceback
    app.database_error("corrupt")
finally:  # also after a page's st.stop(): the link then holds what the page wrote to the URL
    app.share_link(ctx)
    view.done(page.url_path)
