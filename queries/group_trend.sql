-- group_trend: the group's % of maximum in every visible year: mean and middle half
-- (25th-75th percentile), given only where every assessed unit has a score (2015 published 9
-- of 20: its figures would describe the best units, not the group).
-- Parameters: $jurisdiction, $group
-- Columns: year, n_units, n_scored, complete, mean_pct, p25_pct, p75_pct
SELECT a.year, a.n_units, count(s.pct) AS n_scored, count(s.pct) = a.n_units AS complete,
       CASE WHEN count(s.pct) = a.n_units THEN avg(s.pct) END AS mean_pct,
       CASE WHEN count(s.pct) = a.n_units THEN quantile_cont(s.pct, 0.25) END AS p25_pct,
       CASE WHEN count(s.pct) = a.n_units THEN quantile_cont(s.pct, 0.75) END AS p75_pct
FROM assessment a
JOIN standing s USING (assessment_id)
WHERE a.jurisdiction_id = $jurisdiction AND a.unit_group = $group AND visible(a.status)
GROUP BY a.year, a.n_units
HAVING count(s.pct) > 0
ORDER BY a.year;
