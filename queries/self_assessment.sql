-- self_assessment: self-assessed against appraised (final) points per unit, in total and per
-- area. Survey-based areas, and units whose self-assessment was not recorded, are left out. A positive gap means the
-- unit scored itself higher than the council did.
-- Parameters: $jurisdiction, $group, $year
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: unit_id, name_vi, name_en, short_vi, short_en, area_key (NULL on the unit's total row),
--   area_short_vi, area_short_en, area_order, self_points, final_points, gap
WITH area AS (
    SELECT n.unit_id, n.area_key, n.framework_id, n.sort_order, n.self_points, n.final_points
    FROM node_score n
    JOIN standing s USING (assessment_id, unit_id)
    WHERE n.level = 'area' AND n.self_assessed AND n.self_points IS NOT NULL AND s.jurisdiction_id = $jurisdiction
      AND s.unit_group = $group AND s.year = $year AND visible(s.status)
      AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
          SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
          WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
            AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
),
rolled AS (
    SELECT unit_id, area_key, any_value(framework_id) AS framework_id, any_value(sort_order) AS area_order,
           sum(self_points) AS self_points, sum(final_points) AS final_points
    FROM area
    GROUP BY GROUPING SETS ((unit_id, area_key), (unit_id))
)
SELECT r.unit_id, u.name_vi, u.name_en, u.short_vi, u.short_en, r.area_key,
       c.short_vi AS area_short_vi, c.short_en AS area_short_en,
       CASE WHEN r.area_key IS NULL THEN 0 ELSE r.area_order END AS area_order,
       r.self_points, r.final_points, r.self_points - r.final_points AS gap
FROM rolled r
JOIN unit u USING (unit_id)
LEFT JOIN criterion c ON c.framework_id = r.framework_id AND c.level = 'area' AND c.area_key = r.area_key
ORDER BY u.name_vi, area_order;
