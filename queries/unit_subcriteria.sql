-- unit_subcriteria: one unit's sub-criteria in one year, the most points lost first.
-- Parameters: $unit, $year
-- Columns: criterion_id, area_key, name_vi, name_en, area_short_vi, area_short_en, max_points,
--   final_points, self_points, points_lost, pct, self_assessed
SELECT n.criterion_id, n.area_key, c.name_vi, c.name_en, a.short_vi AS area_short_vi,
       a.short_en AS area_short_en, n.max_points, n.final_points, n.self_points,
       n.max_points - n.final_points AS points_lost, n.pct, n.self_assessed
FROM node_score n
JOIN standing s USING (assessment_id, unit_id)
JOIN criterion c ON c.framework_id = n.framework_id AND c.criterion_id = n.criterion_id
JOIN criterion a ON a.framework_id = n.framework_id AND a.level = 'area' AND a.area_key = n.area_key
WHERE n.level = 'sub' AND n.unit_id = $unit AND s.year = $year AND visible(s.status)
ORDER BY points_lost DESC, n.criterion_id;
