"""PAR Index dashboard: shared code for the Streamlit pages (data, queries, charts, formatting)."""
