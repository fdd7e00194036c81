-- backup_places: the provinces imports created, restored before the results.
-- Parameters: none. Columns: jurisdiction_id, name_vi, name_en, level
SELECT jurisdiction_id, name_vi, name_en, level
FROM jurisdiction
WHERE import_id IS NOT NULL
ORDER BY jurisdiction_id;
