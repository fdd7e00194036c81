-- result_named: every stored total with the unit's name (an import's diff names the units it changes).
-- Parameters: none. Columns: assessment_id, unit_id, total, name_vi
SELECT r.assessment_id, r.unit_id, r.total, u.name_vi
FROM result r
JOIN unit u USING (unit_id);
