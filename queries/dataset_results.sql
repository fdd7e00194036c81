-- dataset_results: every visible result (published; drafts for editors), all years and groups,
-- for the full-dataset download.
-- Parameters: none
-- Columns: jurisdiction_id (the province, or vn for the national index: two provinces' units are
--   ranked apart and may share a name), year, unit_group, unit_id, name_vi, name_en, total, max_total,
--   pct, rank, rank_of, tier_vi, tier_en, provenance, derived, source
SELECT s.jurisdiction_id, s.year, s.unit_group, s.unit_id, u.name_vi, u.name_en, s.total, s.max_total,
       round(s.pct, 2) AS pct, s.rank, a.n_units AS rank_of, t.label_vi AS tier_vi, t.label_en AS tier_en, r.provenance, r.derived,
       src.publisher_vi AS source
FROM standing s
JOIN unit u USING (unit_id)
JOIN result r USING (assessment_id, unit_id)
JOIN assessment a USING (assessment_id)
LEFT JOIN tier t ON t.jurisdiction_id = s.jurisdiction_id AND t.year = s.year
               AND t.unit_group = s.unit_group AND t.tier_order = s.tier_order
LEFT JOIN source src ON src.source_id = r.source_id
WHERE visible(s.status)
ORDER BY s.unit_group, s.jurisdiction_id, s.year, s.rank NULLS LAST, u.name_vi;
