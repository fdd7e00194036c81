"""Where things live. Read at call time, never at import: tests and AppTest change them."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
LOCALES_DIR = ROOT / "locales"
SQL_DIR = Path(__file__).resolve().parent / "sql"


EMBEDDED_DB = DATA_DIR / "par.duckdb"  # built from data/ (and rebuilt when older than it)


def db_path() -> Path:
    """The database the dashboard reads: $PARINDEX_DB, else data/par.duckdb."""
    return Path(os.environ.get("PARINDEX_DB") or EMBEDDED_DB)


# Each page's file in pages/ and its address (st.Page's url_path; the default page has none): the
# navigation (dashboard.py), the benchmark and the tests all open pages by these.
PAGE_ADDRESSES = {
    "overview": "",
    "rankings": "xep-hang",
    "criteria": "tieu-chi",
    "unit": "don-vi",
    "trends": "xu-huong",
    "national": "toan-quoc",
    "methodology": "du-lieu",
    "compare": "so-sanh",
    "editors": "quan-tri",
}
