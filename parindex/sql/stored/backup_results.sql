-- backup_results: every total with the unit's name (the backup's sheets are readable by hand).
-- Parameters: none. Columns: the result table's, name_vi
SELECT r.*, u.name_vi FROM result r JOIN unit u USING (unit_id) ORDER BY r.unit_id;
