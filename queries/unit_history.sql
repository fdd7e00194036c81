-- unit_history: a unit's result in every visible year, following its line through renames
-- (the unit of each year is named as it was then).
-- Parameters: $unit
-- Columns: year, unit_id, name_vi, name_en, total, max_total, pct, rank, rank_of, tier_order,
--   tier_vi, tier_en, provenance, derived, group_mean_pct
WITH line AS (SELECT line_id FROM unit WHERE unit_id = $unit),
group_mean AS (  -- only where every assessed unit has a score, as on the Overview
    SELECT s.assessment_id, avg(s.pct) AS group_mean_pct
    FROM standing s JOIN assessment a USING (assessment_id)
    WHERE visible(s.status)
    GROUP BY s.assessment_id
    HAVING count(s.total) = any_value(a.n_units)
)
SELECT s.year, s.unit_id, u.name_vi, u.name_en, s.total, s.max_total, s.pct, s.rank,
       a.n_units AS rank_of, s.tier_order, t.label_vi AS tier_vi, t.label_en AS tier_en,
       r.provenance, r.derived, g.group_mean_pct
FROM standing s
JOIN unit u USING (unit_id)
JOIN result r USING (assessment_id, unit_id)
JOIN assessment a USING (assessment_id)
LEFT JOIN tier t ON t.jurisdiction_id = s.jurisdiction_id AND t.year = s.year
               AND t.unit_group = s.unit_group AND t.tier_order = s.tier_order
LEFT JOIN group_mean g USING (assessment_id)
WHERE u.line_id = (SELECT line_id FROM line) AND visible(s.status)
ORDER BY s.year;
