-- ranking: every unit of one assessment with its standing and its change against the previous
-- visible assessment of the group. A renamed unit is compared with its predecessor (same line).
-- Parameters: $jurisdiction, $group, $year
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: unit_id, name_vi, name_en, short_vi, short_en, total, max_total, pct, rank, rank_of,
--   rank_basis, tier_order, tier_code, tier_vi, tier_en, tier_basis, provenance, derived,
--   note_vi, note_en, prev_year, prev_total, prev_pct, prev_rank, prev_status, total_change,
--   pct_change, rank_change
--   prev_status: 'compared' (both years scored), 'no_score' (no total last time), 'new' (the unit
--   did not exist then), 'first' (no earlier assessment); rank_change > 0 means it rose.
WITH cur AS (
    SELECT s.*, a.n_units
    FROM standing s JOIN assessment a USING (assessment_id)
    WHERE s.jurisdiction_id = $jurisdiction AND s.unit_group = $group AND s.year = $year
      AND visible(s.status)
      AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
          SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
          WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
            AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
),
prev_assessment AS (
    SELECT max(year) AS year FROM assessment
    WHERE jurisdiction_id = $jurisdiction AND unit_group = $group AND year < $year
      AND visible(status)
),
prev AS (
    SELECT s.*, u.line_id
    FROM standing s JOIN unit u USING (unit_id)
    WHERE s.jurisdiction_id = $jurisdiction AND s.unit_group = $group
      AND s.year = (SELECT year FROM prev_assessment) AND visible(s.status)
),
line_start AS (
    SELECT line_id, min(first_year) AS first_year FROM unit GROUP BY line_id
)
SELECT u.unit_id, u.name_vi, u.name_en, u.short_vi, u.short_en,
       c.total, c.max_total, c.pct, c.rank, c.n_units AS rank_of, c.rank_basis,
       c.tier_order, t.code AS tier_code, t.label_vi AS tier_vi, t.label_en AS tier_en, c.tier_basis,
       r.provenance, r.derived, r.note_vi, r.note_en,
       (SELECT year FROM prev_assessment) AS prev_year,
       p.total AS prev_total, p.pct AS prev_pct, p.rank AS prev_rank,
       CASE WHEN (SELECT year FROM prev_assessment) IS NULL THEN 'first'
            WHEN ls.first_year > (SELECT year FROM prev_assessment) THEN 'new'
            WHEN p.total IS NULL AND p.rank IS NULL THEN 'no_score'
            ELSE 'compared' END AS prev_status,
       CASE WHEN c.max_total = p.max_total THEN c.total - p.total END AS total_change,
       c.pct - p.pct AS pct_change,
       p.rank - c.rank AS rank_change
FROM cur c
JOIN unit u USING (unit_id)
JOIN result r USING (assessment_id, unit_id)
JOIN line_start ls ON ls.line_id = u.line_id
LEFT JOIN tier t
       ON t.jurisdiction_id = c.jurisdiction_id AND t.year = c.year
      AND t.unit_group = c.unit_group AND t.tier_order = c.tier_order
LEFT JOIN prev p ON p.line_id = u.line_id
ORDER BY c.rank NULLS LAST, c.tier_order NULLS LAST, u.name_vi COLLATE vi;
