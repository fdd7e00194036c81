-- group_trend: the group's % of maximum in every visible year: mean and middle half
-- (25th-75th percentile), given only where every assessed unit has a score (2015 published 9
-- of 20: its figures would describe the best units, not the group).
-- Parameters: $jurisdiction, $group
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); n_units is then the units of
--   that subset with a result, and the announcement's printed counts do not apply
-- Columns: year, n_units, n_scored, complete, mean_pct, p25_pct, p75_pct
WITH per_year AS (
    SELECT a.year, CASE WHEN coalesce($former_province, $former_district) IS NOT NULL THEN count(s.unit_id) ELSE a.n_units END AS n_units,
           count(s.pct) AS n_scored, avg(s.pct) AS mean, quantile_cont(s.pct, 0.25) AS p25,
           quantile_cont(s.pct, 0.75) AS p75
    FROM assessment a
    JOIN standing s USING (assessment_id)
    WHERE a.jurisdiction_id = $jurisdiction AND a.unit_group = $group AND visible(a.status)
      AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
          SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
          WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
            AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
    GROUP BY a.year, a.n_units
)
SELECT year, n_units, n_scored, n_scored = n_units AS complete,
       CASE WHEN n_scored = n_units THEN mean END AS mean_pct,
       CASE WHEN n_scored = n_units THEN p25 END AS p25_pct,
       CASE WHEN n_scored = n_units THEN p75 END AS p75_pct
FROM per_year
WHERE n_scored > 0
ORDER BY year;
