-- area_summary: the group's result in each criterion area: mean % of the area's maximum, the best
-- unit's %, points lost across all units, and how many units fall below a threshold.
-- Parameters: $jurisdiction, $group, $year, $threshold (a % of maximum, e.g. 80)
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: area_key, area_order, area_vi, area_en, area_short_vi, area_short_en, max_points,
--   self_assessed, n_units, mean_pct, best_pct, best_vi, best_en, points_lost, n_below
WITH area AS (
    SELECT n.*, u.name_vi, u.name_en
    FROM node_score n
    JOIN standing s USING (assessment_id, unit_id)
    JOIN unit u USING (unit_id)
    WHERE n.level = 'area' AND s.jurisdiction_id = $jurisdiction AND s.unit_group = $group
      AND s.year = $year AND visible(s.status)
      AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
          SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
          WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
            AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
)
SELECT a.area_key, a.sort_order AS area_order, c.name_vi AS area_vi, c.name_en AS area_en,
       c.short_vi AS area_short_vi, c.short_en AS area_short_en, a.max_points, a.self_assessed,
       count(*) AS n_units,
       avg(a.pct) AS mean_pct,
       max(a.pct) AS best_pct,
       string_agg(a.name_vi, '; ' ORDER BY a.name_vi) FILTER (WHERE a.pct = b.best) AS best_vi,
       string_agg(a.name_en, '; ' ORDER BY a.name_en) FILTER (WHERE a.pct = b.best) AS best_en,
       sum(a.max_points - a.final_points) AS points_lost,
       count(*) FILTER (WHERE a.pct < $threshold) AS n_below
FROM area a
JOIN criterion c ON c.framework_id = a.framework_id AND c.criterion_id = a.criterion_id
JOIN (SELECT area_key, max(pct) AS best FROM area GROUP BY area_key) b ON b.area_key = a.area_key
GROUP BY ALL
ORDER BY a.sort_order;
