-- national_years: every year of the national index the database has an assessment for, found or
-- not (a year whose result was not found stays in the list, shown as missing).
-- Parameters: $unit (the home province's unit id)
-- Columns: year, n_units, note_vi, note_en
SELECT a.year, a.n_units, a.note_vi, a.note_en
FROM assessment a
WHERE a.unit_group = 'province' AND visible(a.status)
  AND a.jurisdiction_id = (SELECT jurisdiction_id FROM unit WHERE unit_id = $unit)
ORDER BY a.year;
