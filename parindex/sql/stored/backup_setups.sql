-- backup_setups: each set-up year's latest set-up, with its assessment's status (the backup keeps
-- each as a workbook).
-- Parameters: none. Columns: import_id, jurisdiction_id, year, unit_group, status
SELECT l.import_id, l.jurisdiction_id, l.year, l.unit_group, a.status
FROM import_log l
JOIN assessment a USING (jurisdiction_id, year, unit_group)
WHERE l.action = 'setup'
QUALIFY l.import_id = max(l.import_id) OVER (PARTITION BY l.jurisdiction_id, l.year, l.unit_group)
ORDER BY l.year, l.unit_group, l.jurisdiction_id;
