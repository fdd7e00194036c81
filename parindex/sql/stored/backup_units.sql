-- backup_units: the units imports created (data/ and set-ups define the rest), restored before the results.
-- Parameters: none
-- Columns: unit_id, jurisdiction_id, unit_group, name_vi, name_en, short_vi, short_en, first_year
SELECT unit_id, jurisdiction_id, unit_group, name_vi, name_en, short_vi, short_en, first_year
FROM unit
WHERE import_id IS NOT NULL
  AND import_id NOT IN (SELECT import_id FROM import_log WHERE action = 'setup')
ORDER BY unit_id;
