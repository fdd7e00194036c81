-- framework: every criteria set (a set-up may reuse one by its code).
-- Parameters: none. Columns: the framework table's
SELECT * FROM framework;
