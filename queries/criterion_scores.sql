-- criterion_scores: the drill-down of one area: each unit's points in the area's criteria and
-- sub-criteria, units in rank order.
-- Parameters: $jurisdiction, $group, $year, $area (an area_key)
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: unit_id, name_vi, name_en, short_vi, short_en, rank, criterion_id, parent_id, level,
--   sort_order, name_vi_c, name_en_c, short_vi_c, short_en_c (the criterion's names), max_points,
--   final_points, self_points, pct
SELECT s.unit_id, u.name_vi, u.name_en, u.short_vi, u.short_en, s.rank,
       n.criterion_id, n.parent_id, n.level, n.sort_order,
       c.name_vi AS name_vi_c, c.name_en AS name_en_c, c.short_vi AS short_vi_c, c.short_en AS short_en_c,
       n.max_points, n.final_points, n.self_points, n.pct
FROM node_score n
JOIN standing s USING (assessment_id, unit_id)
JOIN unit u USING (unit_id)
JOIN criterion c ON c.framework_id = n.framework_id AND c.criterion_id = n.criterion_id
WHERE n.level IN ('criterion', 'sub') AND n.area_key = $area
  AND s.jurisdiction_id = $jurisdiction AND s.unit_group = $group AND s.year = $year
  AND visible(s.status)
  AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
      SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
      WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
        AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
ORDER BY s.rank NULLS LAST, u.name_vi, n.criterion_id;
