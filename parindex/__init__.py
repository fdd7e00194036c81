"""PAR Index dashboard: the dataset and its build into DuckDB, the named queries, the figures and
text the pages show, the import of results, and the command line (python -m parindex)."""
