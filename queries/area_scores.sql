-- area_scores: each unit's points in each criterion area of one assessment, units in rank order.
-- Parameters: $jurisdiction, $group, $year
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: unit_id, name_vi, name_en, short_vi, short_en, rank, area_key, area_order,
--   area_vi, area_en, area_short_vi, area_short_en, max_points, final_points, points_lost, pct,
--   self_assessed, provenance
SELECT s.unit_id, u.name_vi, u.name_en, u.short_vi, u.short_en, s.rank,
       n.area_key, n.sort_order AS area_order,
       c.name_vi AS area_vi, c.name_en AS area_en, c.short_vi AS area_short_vi, c.short_en AS area_short_en,
       n.max_points, n.final_points, n.max_points - n.final_points AS points_lost, n.pct,
       n.self_assessed, r.provenance
FROM node_score n
JOIN standing s USING (assessment_id, unit_id)
JOIN result r USING (assessment_id, unit_id)
JOIN unit u USING (unit_id)
JOIN criterion c ON c.framework_id = n.framework_id AND c.criterion_id = n.criterion_id
WHERE n.level = 'area' AND s.jurisdiction_id = $jurisdiction AND s.unit_group = $group
  AND s.year = $year AND visible(s.status)
  AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
      SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
      WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
        AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
ORDER BY s.rank NULLS LAST, u.name_vi, n.sort_order;
