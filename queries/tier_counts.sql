-- tier_counts: the year's tiers (or published bands) with the units in each.
-- n_named counts the units the data places in the tier; n_published is the count the
-- announcement printed, where it printed one (it may exceed n_named when names were withheld).
-- share = units in the tier / units assessed (n_units), as a fraction.
-- Parameters: $jurisdiction, $group, $year
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); n_units is then the units of
--   that subset with a result, and the announcement's printed counts do not apply
-- Columns: tier_order, code, label_vi, label_en, min_points, min_inclusive, provenance,
--   n_named, n_published, n_units, share, names_vi, names_en
WITH a AS (
    SELECT a.assessment_id,
           CASE WHEN coalesce($former_province, $former_district) IS NOT NULL THEN (SELECT count(*) FROM standing s
                WHERE s.assessment_id = a.assessment_id
                  AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
                      SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
                      WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
                        AND o.former_unit_id = coalesce($former_district, o.former_unit_id))))
                ELSE a.n_units END AS n_units
    FROM assessment a
    WHERE a.jurisdiction_id = $jurisdiction AND a.unit_group = $group AND a.year = $year
      AND visible(a.status)
),
placed AS (
    SELECT s.tier_order, s.rank, u.name_vi, u.name_en
    FROM standing s JOIN unit u USING (unit_id)
    WHERE s.assessment_id = (SELECT assessment_id FROM a)
      AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
          SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
          WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
            AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
),
printed AS (
    SELECT split_part(stat, ':', 2) AS code, CAST(value AS INTEGER) AS n_published
    FROM published_stat
    WHERE jurisdiction_id = $jurisdiction AND unit_group = $group AND year = $year
      AND (stat LIKE 'count_tier:%' OR stat LIKE 'count_band:%')
      AND coalesce($former_province, $former_district) IS NULL
)
SELECT t.tier_order, t.code, t.label_vi, t.label_en, t.min_points, t.min_inclusive, t.provenance,
       count(p.tier_order) AS n_named,
       any_value(pr.n_published) AS n_published,
       (SELECT n_units FROM a) AS n_units,
       coalesce(any_value(pr.n_published), count(p.tier_order)) / (SELECT n_units FROM a) AS share,
       string_agg(p.name_vi, '; ' ORDER BY p.rank NULLS LAST, p.name_vi COLLATE vi) AS names_vi,
       string_agg(p.name_en, '; ' ORDER BY p.rank NULLS LAST, p.name_en) AS names_en
FROM tier t
LEFT JOIN placed p ON p.tier_order = t.tier_order
LEFT JOIN printed pr ON pr.code = t.code
WHERE t.jurisdiction_id = $jurisdiction AND t.unit_group = $group AND t.year = $year
  AND EXISTS (SELECT 1 FROM a)
GROUP BY ALL
ORDER BY t.tier_order;
