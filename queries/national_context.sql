-- national_context: every published national PAR INDEX figure the database holds, per year:
-- the home province's place and the other provinces' published places and scores (partial).
-- Parameters: $unit (the home province's unit id)
-- Columns: year, unit_id, name_vi, name_en, total, rank, rank_of, derived, is_home, leader,
--   note_vi, note_en, publisher_vi, publisher_en, url
SELECT s.year, s.unit_id, u.name_vi, u.name_en, s.total, s.rank, a.n_units AS rank_of, r.derived,
       s.unit_id = $unit AS is_home, s.rank = 1 AS leader, r.note_vi, r.note_en,
       src.publisher_vi, src.publisher_en, src.url
FROM standing s
JOIN assessment a USING (assessment_id)
JOIN result r USING (assessment_id, unit_id)
JOIN unit u USING (unit_id)
LEFT JOIN source src ON src.source_id = r.source_id
WHERE s.unit_group = 'province' AND visible(s.status)
  AND s.jurisdiction_id = (SELECT jurisdiction_id FROM unit WHERE unit_id = $unit)
ORDER BY s.year, s.rank NULLS LAST, u.name_vi COLLATE vi;
