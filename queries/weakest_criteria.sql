-- weakest_criteria: where the group's points go. Criteria ranked by points lost (maximum minus
-- score, summed over units), with the running share of all points lost (a Pareto line), the mean
-- % achieved and how many units fall below a threshold.
-- Parameters: $jurisdiction, $group, $year, $threshold (a % of maximum, e.g. 80)
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: criterion_id, area_key, name_vi, name_en, short_vi, short_en, area_short_vi, area_short_en, max_points,
--   n_units, points_lost, mean_pct, n_below, share_below, lost_share, cumulative_share
WITH crit AS (
    SELECT n.*
    FROM node_score n
    JOIN standing s USING (assessment_id, unit_id)
    WHERE n.level = 'criterion' AND s.jurisdiction_id = $jurisdiction AND s.unit_group = $group
      AND s.year = $year AND visible(s.status)
      AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
          SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
          WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
            AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
),
per_criterion AS (
    SELECT c.criterion_id, c.area_key, c.framework_id, any_value(c.max_points) AS max_points,
           count(*) AS n_units,
           sum(c.max_points - c.final_points) AS points_lost,
           avg(c.pct) AS mean_pct,
           count(*) FILTER (WHERE c.pct < $threshold) AS n_below
    FROM crit c
    GROUP BY ALL
)
SELECT p.criterion_id, p.area_key, k.name_vi, k.name_en, k.short_vi, k.short_en, a.short_vi AS area_short_vi,
       a.short_en AS area_short_en, p.max_points, p.n_units, p.points_lost, p.mean_pct, p.n_below,
       p.n_below / p.n_units AS share_below,
       CAST(p.points_lost / sum(p.points_lost) OVER () AS DOUBLE) AS lost_share,
       CAST(sum(p.points_lost) OVER (ORDER BY p.points_lost DESC, p.criterion_id
                                     ROWS UNBOUNDED PRECEDING)
            / sum(p.points_lost) OVER () AS DOUBLE) AS cumulative_share
FROM per_criterion p
JOIN criterion k ON k.framework_id = p.framework_id AND k.criterion_id = p.criterion_id
JOIN criterion a ON a.framework_id = p.framework_id AND a.level = 'area' AND a.area_key = p.area_key
ORDER BY p.points_lost DESC, p.criterion_id;
