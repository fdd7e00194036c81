-- area_subcriteria: the sub-criteria of one area across the group: mean % achieved, points lost
-- (maximum minus score, summed over units) and how many units fall below a threshold.
-- Parameters: $jurisdiction, $group, $year, $area (an area_key), $threshold (a % of maximum)
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: criterion_id, parent_id, name_vi, name_en, max_points, self_assessed, n_units,
--   mean_pct, points_lost, n_below
SELECT n.criterion_id, n.parent_id, c.name_vi, c.name_en, any_value(n.max_points) AS max_points,
       any_value(n.self_assessed) AS self_assessed, count(*) AS n_units, avg(n.pct) AS mean_pct,
       sum(n.max_points - n.final_points) AS points_lost,
       count(*) FILTER (WHERE n.pct < $threshold) AS n_below
FROM node_score n
JOIN standing s USING (assessment_id, unit_id)
JOIN criterion c ON c.framework_id = n.framework_id AND c.criterion_id = n.criterion_id
WHERE n.level = 'sub' AND n.area_key = $area AND s.jurisdiction_id = $jurisdiction
  AND s.unit_group = $group AND s.year = $year AND visible(s.status)
  AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
      SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
      WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
        AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
GROUP BY ALL
ORDER BY n.criterion_id;
