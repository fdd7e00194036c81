-- unit_criteria: one unit's points lost per criterion in one year (the level the points-lost
-- chart draws), to mark the reader's unit within the group's bars.
-- Parameters: $unit, $year
-- Columns: unit_id, name_vi, name_en, short_vi, short_en, criterion_id, max_points, final_points,
--   points_lost
SELECT n.unit_id, u.name_vi, u.name_en, u.short_vi, u.short_en, n.criterion_id, n.max_points, n.final_points,
       n.max_points - n.final_points AS points_lost
FROM node_score n
JOIN standing s USING (assessment_id, unit_id)
JOIN unit u ON u.unit_id = n.unit_id
WHERE n.level = 'criterion' AND n.unit_id = $unit AND s.year = $year AND visible(s.status)
ORDER BY points_lost DESC, n.criterion_id;
