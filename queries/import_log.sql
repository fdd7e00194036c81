-- import_log: every import, publication and restore, newest first (who, when, which file, rows, status).
-- Parameters: none
-- Columns: import_id, imported_at, editor, action, file_name, sha256, rows, status, year, unit_group, assessment_id,
--   replaced, decision_no
SELECT import_id, imported_at, editor, action, file_name, sha256, rows, status, year, unit_group, assessment_id,
       replaced, decision_no
FROM import_log
ORDER BY import_id DESC;
