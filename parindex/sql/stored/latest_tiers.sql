-- latest_tiers: the group's tier bands of its latest year with bands, the template's starting point.
-- Parameters: $jurisdiction, $group
-- Columns: the tier table's, in band order
SELECT *
FROM tier
WHERE jurisdiction_id = $jurisdiction AND unit_group = $group
QUALIFY year = max(year) OVER ()
ORDER BY tier_order;
