"""PAR Index dashboard: page set-up, the shared filters and navigation. No queries or charts here."""

import streamlit as st

from parindex import app

st.set_page_config(page_title="Chỉ số CCHC Lào Cai", page_icon="📊", layout="wide")
ctx = app.setup()
pages = [
    st.Page("pages/overview.py", title=ctx.t("nav.overview"), icon="🏛️", default=True),
    st.Page("pages/rankings.py", title=ctx.t("nav.rankings"), icon="🏆", url_path="xep-hang"),
]
st.navigation(pages).run()
