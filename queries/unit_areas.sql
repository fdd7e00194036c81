-- unit_areas: one unit's % of maximum in each criterion area, beside its group's mean and best.
-- Parameters: $unit, $year
-- Columns: area_key, area_order, area_vi, area_en, area_short_vi, area_short_en, max_points,
--   final_points, pct, group_mean_pct, group_best_pct
WITH mine AS (
    SELECT s.assessment_id FROM standing s
    WHERE s.unit_id = $unit AND s.year = $year AND visible(s.status)
),
area AS (
    SELECT n.* FROM node_score n
    WHERE n.level = 'area' AND n.assessment_id = (SELECT assessment_id FROM mine)
)
SELECT a.area_key, a.sort_order AS area_order, c.name_vi AS area_vi, c.name_en AS area_en,
       c.short_vi AS area_short_vi, c.short_en AS area_short_en, a.max_points, a.final_points, a.pct,
       (SELECT avg(pct) FROM area g WHERE g.area_key = a.area_key) AS group_mean_pct,
       (SELECT max(pct) FROM area g WHERE g.area_key = a.area_key) AS group_best_pct
FROM area a
JOIN criterion c ON c.framework_id = a.framework_id AND c.criterion_id = a.criterion_id
WHERE a.unit_id = $unit
ORDER BY a.sort_order;
