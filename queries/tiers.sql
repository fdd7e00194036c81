-- tiers: the tier table of one year and group, best tier first.
-- Parameters: $jurisdiction, $group, $year
-- Columns: tier_order, code, label_vi, label_en, min_points, min_inclusive, provenance
SELECT tier_order, code, label_vi, label_en, min_points, min_inclusive, provenance
FROM tier
WHERE jurisdiction_id = $jurisdiction AND unit_group = $group AND year = $year
ORDER BY tier_order;
