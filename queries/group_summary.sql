-- group_summary: the group's headline figures for one year beside the previous visible year.
-- A mean is given only when every assessed unit has a score (the schema's complete_mean: a mean
-- of the published few would mislead); mean_pct compares years scored on different scales.
-- Parameters: $jurisdiction, $group, $year
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); n_units is then the units of
--   that subset with a result, and the announcement's printed counts do not apply
-- Columns: year, n_units, n_results, n_scored, complete, max_total, mean_total, mean_pct,
--   best_total, worst_total, prev_year, prev_complete, prev_max_total, prev_mean_total,
--   prev_mean_pct, mean_change
WITH per_year AS (
    SELECT a.year, a.max_total,
           -- a subset of the communes counts its units with a result; else the announcement's count
           -- (named group_units: `n_units` would bind to a.n_units, not to this expression)
           CASE WHEN coalesce($former_province, $former_district) IS NOT NULL THEN count(s.unit_id)
                ELSE a.n_units END AS group_units,
           count(s.unit_id) AS n_results,
           count(s.total) AS n_scored,
           complete_mean(s.total, group_units) AS mean_total, complete_mean(s.pct, group_units) AS mean_pct,
           max(s.total) AS best_total, min(s.total) AS worst_total
    FROM assessment a
    LEFT JOIN standing s ON s.assessment_id = a.assessment_id
     AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
         SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
         WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
           AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
    WHERE a.jurisdiction_id = $jurisdiction AND a.unit_group = $group AND a.year <= $year
      AND visible(a.status)
    GROUP BY a.year, a.n_units, a.max_total
),
complete AS (SELECT * RENAME (group_units AS n_units), n_scored = group_units AS complete FROM per_year),
cur AS (SELECT * FROM complete WHERE year = $year),
prev AS (SELECT * FROM complete WHERE year < $year ORDER BY year DESC LIMIT 1)
SELECT c.year, c.n_units, c.n_results, c.n_scored, c.complete, c.max_total,
       c.mean_total, c.mean_pct,
       c.best_total, c.worst_total,
       p.year AS prev_year, p.complete AS prev_complete, p.max_total AS prev_max_total,
       p.mean_total AS prev_mean_total, p.mean_pct AS prev_mean_pct,
       CASE WHEN c.complete AND p.complete AND c.max_total = p.max_total
            THEN round(c.mean_total, 2) - round(p.mean_total, 2) END AS mean_change
FROM cur c
LEFT JOIN prev p ON true;
