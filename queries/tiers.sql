-- tiers: the tier table of one year and group, best tier first; a draft year's for editors only.
-- Parameters: $jurisdiction, $group, $year
-- Columns: tier_order, code, label_vi, label_en, min_points, min_inclusive, provenance
SELECT tier_order, code, label_vi, label_en, min_points, min_inclusive, provenance
FROM tier
WHERE jurisdiction_id = $jurisdiction AND unit_group = $group AND year = $year
  AND EXISTS (SELECT 1 FROM assessment a
              WHERE a.jurisdiction_id = tier.jurisdiction_id AND a.year = tier.year
                AND a.unit_group = tier.unit_group AND visible(a.status))
ORDER BY tier_order;
