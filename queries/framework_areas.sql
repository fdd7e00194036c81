-- framework_areas: each criteria set with its areas: maximum, number of criteria and
-- sub-criteria, whether self-assessed, and the years that used it.
-- Only the sets of the chosen province's assessments (and sets no other province's assessment uses).
-- Parameters: $jurisdiction
-- Columns: framework_id, name_vi, name_en, first_year, last_year, provenance, area_key, area_order,
--   area_vi, area_en, max_points, n_criteria, n_sub, self_assessed
SELECT f.framework_id, f.name_vi, f.name_en, f.first_year, f.last_year, f.provenance,
       a.area_key, a.sort_order AS area_order, a.name_vi AS area_vi, a.name_en AS area_en, a.max_points,
       (SELECT count(*) FROM criterion c WHERE c.framework_id = a.framework_id AND c.area_key = a.area_key
                                          AND c.level = 'criterion') AS n_criteria,
       (SELECT count(*) FROM criterion c WHERE c.framework_id = a.framework_id AND c.area_key = a.area_key
                                          AND c.level = 'sub') AS n_sub,
       a.self_assessed
FROM framework f
JOIN criterion a ON a.framework_id = f.framework_id AND a.level = 'area'
WHERE EXISTS (SELECT 1 FROM assessment x WHERE x.framework_id = f.framework_id AND x.jurisdiction_id = $jurisdiction)
   OR NOT EXISTS (SELECT 1 FROM assessment x WHERE x.framework_id = f.framework_id
                                              AND x.jurisdiction_id <> $jurisdiction)
ORDER BY f.first_year, a.sort_order;
