-- tier_table: every year's tiers or score bands, per group, with their bounds and provenance.
-- Parameters: $jurisdiction
-- Columns: year, unit_group, tier_order, code, label_vi, label_en, min_points, min_inclusive,
--   provenance, publisher_vi, publisher_en
SELECT t.year, t.unit_group, t.tier_order, t.code, t.label_vi, t.label_en, t.min_points, t.min_inclusive,
       t.provenance, s.publisher_vi, s.publisher_en
FROM tier t LEFT JOIN source s USING (source_id)
WHERE t.jurisdiction_id = $jurisdiction
ORDER BY t.unit_group, t.year, t.tier_order;
