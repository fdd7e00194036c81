-- import_log: every import and set-up so far (the next one takes the next import_id).
-- Parameters: none. Columns: import_id, action, jurisdiction_id, year, unit_group
SELECT import_id, action, jurisdiction_id, year, unit_group FROM import_log;
