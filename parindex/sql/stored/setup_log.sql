-- setup_log: which year and group a stored set-up is of, and its status.
-- Parameters: $import_id (the set-up's)
-- Columns: jurisdiction_id, year, unit_group, status
SELECT jurisdiction_id, year, unit_group, status FROM import_log WHERE import_id = $import_id;
