-- unit_origins: what one unit was formed from: for each former district, the old communes it took
-- in (predecessors_vi, '; '-separated, as the resolution names them) and the district's province.
-- Nothing for a unit only a draft has, unless drafts are shown (shown_unit).
-- Parameters: $unit
-- Columns: former_unit_id, predecessors_vi, code_2025, district_vi, district_en, province_id,
--   province_vi, province_en
SELECT o.former_unit_id, o.predecessors_vi, o.code_2025, d.name_vi AS district_vi, d.name_en AS district_en,
       d.jurisdiction_id AS province_id, j.name_vi AS province_vi, j.name_en AS province_en
FROM unit_origin o
JOIN unit d ON d.unit_id = o.former_unit_id
JOIN jurisdiction j ON j.jurisdiction_id = d.jurisdiction_id
WHERE o.unit_id = $unit AND shown_unit(o.unit_id)
ORDER BY d.name_vi COLLATE vi;
