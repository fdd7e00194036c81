-- Materialised at build time: every unit's points at every level of the criteria tree
-- (sub-criterion -> criterion -> area), so planner views read small, ready rows.
-- self_points is NULL where the node is survey-based (no self-assessment). An area's own id
-- (II, as a decision prints it) need not be its area_key (the key that compares sets).
CREATE TABLE node_score AS
WITH leaf AS (
    SELECT s.assessment_id, s.unit_id, a.framework_id, c.criterion_id, c.parent_id, c.area_key,
           ar.criterion_id AS area_id, c.max_points, c.self_assessed, s.self_points, s.final_points
    FROM score s
    JOIN assessment a USING (assessment_id)
    JOIN criterion c ON c.framework_id = a.framework_id AND c.criterion_id = s.criterion_id
    JOIN criterion ar ON ar.framework_id = c.framework_id AND ar.level = 'area' AND ar.area_key = c.area_key
),
nodes AS (
    SELECT assessment_id, unit_id, framework_id, criterion_id, 'sub' AS level, area_key,
           self_points, final_points
    FROM leaf
    UNION ALL
    SELECT assessment_id, unit_id, framework_id, parent_id, 'criterion', area_key,
           sum(self_points), sum(final_points)
    FROM leaf GROUP BY ALL
    UNION ALL
    SELECT assessment_id, unit_id, framework_id, area_id, 'area', area_key,
           sum(self_points), sum(final_points)
    FROM leaf GROUP BY ALL
)
SELECT n.assessment_id, n.unit_id, n.framework_id, n.criterion_id, n.level, n.area_key,
       c.parent_id, c.sort_order, c.max_points, c.self_assessed,
       CASE WHEN c.self_assessed THEN n.self_points END AS self_points,
       n.final_points,
       CAST(100 * n.final_points / c.max_points AS DOUBLE) AS pct
FROM nodes n
JOIN criterion c ON c.framework_id = n.framework_id AND c.criterion_id = n.criterion_id;
