-- units: every unit of a group, with the years it was active, for pickers and checking `u`.
-- Units that appear only in a draft are left out for anonymous readers (shown_unit).
-- Parameters: $jurisdiction, $group
-- Columns: unit_id, name_vi, name_en, short_vi, short_en, first_year, last_year
SELECT unit_id, name_vi, name_en, short_vi, short_en, first_year, last_year
FROM unit u
WHERE jurisdiction_id = $jurisdiction AND unit_group = $group AND shown_unit(u.unit_id)
ORDER BY name_vi COLLATE vi;
