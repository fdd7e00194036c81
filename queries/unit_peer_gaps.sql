-- unit_peer_gaps: one unit's sub-criteria against its group that year (every unit of the same
-- assessment): the unit's points, the group's mean and best points, the unit(s) that scored the
-- best (a tie names all, in name order) and the unit's gaps to both. A sub-criterion the group
-- scored but the unit did not keeps its row with the unit's points and gaps NULL (never 0).
-- Parameters: $unit, $year
-- Columns: criterion_id, area_key, sort_order, name_vi, name_en, max_points, final_points,
--   n_scored, group_mean, best_points, best_ids (unit ids joined by ','), best_vi, best_en (names
--   joined by ', '), vs_mean (the unit's points minus the mean), vs_best (minus the best: <= 0)
-- Order: the largest gap to the best first (most negative vs_best), unscored last, then code.
WITH mine AS (
    SELECT s.assessment_id FROM standing s
    WHERE s.unit_id = $unit AND s.year = $year AND visible(s.status)
),
sub AS (
    SELECT n.* FROM node_score n
    WHERE n.level = 'sub' AND n.final_points IS NOT NULL
      AND n.assessment_id = (SELECT assessment_id FROM mine)
),
peers AS (
    SELECT criterion_id, framework_id, area_key, sort_order, any_value(max_points) AS max_points,
           count(*) AS n_scored, avg(final_points) AS group_mean, max(final_points) AS best_points
    FROM sub
    GROUP BY ALL
),
best AS (
    SELECT s.criterion_id,
           string_agg(s.unit_id, ',' ORDER BY u.name_vi COLLATE vi) AS best_ids,
           string_agg(u.name_vi, ', ' ORDER BY u.name_vi COLLATE vi) AS best_vi,
           string_agg(u.name_en, ', ' ORDER BY u.name_vi COLLATE vi) AS best_en
    FROM sub s
    JOIN peers p ON p.criterion_id = s.criterion_id AND s.final_points = p.best_points
    JOIN unit u ON u.unit_id = s.unit_id
    GROUP BY s.criterion_id
)
SELECT p.criterion_id, p.area_key, p.sort_order, c.name_vi, c.name_en, p.max_points, m.final_points,
       p.n_scored, CAST(p.group_mean AS DOUBLE) AS group_mean, p.best_points, b.best_ids, b.best_vi, b.best_en,
       CAST(m.final_points - p.group_mean AS DOUBLE) AS vs_mean, m.final_points - p.best_points AS vs_best
FROM peers p
JOIN criterion c ON c.framework_id = p.framework_id AND c.criterion_id = p.criterion_id
JOIN best b ON b.criterion_id = p.criterion_id
LEFT JOIN sub m ON m.criterion_id = p.criterion_id AND m.unit_id = $unit
ORDER BY vs_best NULLS LAST, p.criterion_id;
