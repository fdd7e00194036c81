-- published_check: each group figure the announcement printed, beside the same figure computed
-- from the unit-level data. A count agrees when the units whose tier or score is unknown could
-- make up the difference (2015 names only its 9 "Tốt" units); a mean needs every score.
-- Parameters: $jurisdiction, $group, $year
-- Columns: stat, kind, code, published, computed, unknown, agrees, source_id, note
WITH a AS (
    SELECT * FROM assessment
    WHERE jurisdiction_id = $jurisdiction AND unit_group = $group AND year = $year
      AND status = 'published'
),
s AS (
    SELECT st.total, st.tier_order, t.code
    FROM standing st
    LEFT JOIN tier t
           ON t.jurisdiction_id = st.jurisdiction_id AND t.year = st.year
          AND t.unit_group = st.unit_group AND t.tier_order = st.tier_order
    WHERE st.assessment_id = (SELECT assessment_id FROM a)
),
known AS (
    SELECT count(*) AS n_results, count(total) AS n_scored, count(tier_order) AS n_tiered,
           (SELECT n_units FROM a) AS n_units
    FROM s
),
figures AS (
    SELECT p.stat, p.value AS published, p.source_id, p.note,
           CASE WHEN p.stat LIKE 'count_at_or_above_%' THEN 'count_at_or_above'
                ELSE split_part(p.stat, ':', 1) END AS kind,
           CASE WHEN p.stat LIKE 'count_at_or_above_%' THEN regexp_extract(p.stat, '(\d+)$')
                ELSE nullif(split_part(p.stat, ':', 2), '') END AS code
    FROM published_stat p
    WHERE p.jurisdiction_id = $jurisdiction AND p.unit_group = $group AND p.year = $year
),
compared AS (
    SELECT f.*,
           CASE f.kind
               WHEN 'mean_total' THEN (SELECT round(complete_mean(s.total, k.n_units), 2)
                                       FROM s, known k GROUP BY k.n_units)
               WHEN 'n_units' THEN (SELECT n_results FROM known)
               WHEN 'max_score' THEN (SELECT max_total FROM a)
               WHEN 'count_tier' THEN (SELECT count(*) FROM s WHERE s.code = f.code)
               WHEN 'count_band' THEN (SELECT count(*) FROM s WHERE s.code = f.code)
               WHEN 'count_at_or_above' THEN (SELECT count(*) FROM s
                                              WHERE s.total >= TRY_CAST(f.code AS DECIMAL(9, 4)))
           END AS computed,
           CASE WHEN f.kind IN ('count_tier', 'count_band') THEN (SELECT n_units - n_tiered FROM known)
                WHEN f.kind = 'count_at_or_above' THEN (SELECT n_units - n_scored FROM known)
                ELSE 0 END AS unknown
    FROM figures f
)
SELECT stat, kind, code, published, computed, unknown,
       coalesce(CASE WHEN kind IN ('count_tier', 'count_band', 'count_at_or_above')
                     THEN published BETWEEN computed AND computed + unknown
                     ELSE computed = published END, false) AS agrees,
       source_id, note
FROM compared
ORDER BY CASE kind WHEN 'mean_total' THEN 1 WHEN 'n_units' THEN 2 WHEN 'max_score' THEN 3 ELSE 4 END,
         published DESC, stat;
