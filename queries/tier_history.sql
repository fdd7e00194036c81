-- tier_history: units per tier in every visible year, each year with its own tier labels.
-- n is the count the announcement printed where it printed one, else the units the data places.
-- Parameters: $jurisdiction, $group
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); n_units is then the units of
--   that subset with a result, and the announcement's printed counts do not apply
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: year, tier_order, label_vi, label_en, n
WITH placed AS (
    SELECT s.year, s.tier_order, count(*) AS n_named
    FROM standing s
    WHERE s.jurisdiction_id = $jurisdiction AND s.unit_group = $group AND visible(s.status)
      AND s.tier_order IS NOT NULL
      AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
          SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
          WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
            AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
    GROUP BY ALL
),
printed AS (
    SELECT year, split_part(stat, ':', 2) AS code, CAST(value AS INTEGER) AS n_published
    FROM published_stat
    WHERE jurisdiction_id = $jurisdiction AND unit_group = $group
      AND (stat LIKE 'count_tier:%' OR stat LIKE 'count_band:%')
      AND coalesce($former_province, $former_district) IS NULL
)
SELECT t.year, t.tier_order, t.label_vi, t.label_en, coalesce(pr.n_published, p.n_named, 0) AS n
FROM tier t
JOIN assessment a ON a.jurisdiction_id = t.jurisdiction_id AND a.unit_group = t.unit_group
                 AND a.year = t.year AND visible(a.status)
LEFT JOIN placed p ON p.year = t.year AND p.tier_order = t.tier_order
LEFT JOIN printed pr ON pr.year = t.year AND pr.code = t.code
WHERE t.jurisdiction_id = $jurisdiction AND t.unit_group = $group
  AND (p.n_named IS NOT NULL OR pr.n_published IS NOT NULL
       OR EXISTS (SELECT 1 FROM placed q WHERE q.year = t.year))
ORDER BY t.year, t.tier_order;
