-- area_trend: the group's mean % of maximum per criterion area in every year with criterion
-- scores, with the framework of each year (areas compare across frameworks by area_key).
-- Parameters: $jurisdiction, $group
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: year, framework_id, area_key, area_order, area_short_vi, area_short_en, mean_pct
SELECT s.year, n.framework_id, n.area_key, any_value(n.sort_order) AS area_order,
       any_value(c.short_vi) AS area_short_vi, any_value(c.short_en) AS area_short_en,
       avg(n.pct) AS mean_pct
FROM node_score n
JOIN standing s USING (assessment_id, unit_id)
JOIN criterion c ON c.framework_id = n.framework_id AND c.criterion_id = n.criterion_id
WHERE n.level = 'area' AND s.jurisdiction_id = $jurisdiction AND s.unit_group = $group
  AND visible(s.status)
  AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
      SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
      WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
        AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
GROUP BY s.year, n.framework_id, n.area_key
ORDER BY s.year, area_order;
