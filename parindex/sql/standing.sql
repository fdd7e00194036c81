-- Materialised at build time: every result with what the pages need, computed once.
--   pct:  total as % of the assessment's maximum (compares 70-, 75- and 100-point years)
--   rank: the published rank, else the standard competition rank by total within the assessment
--         (ties share a rank, the next rank skips); none where the assessment ranks by publication only
--   tier: the published tier, else derived from the year's tier table (derivable only when the
--         table has its bounds)
CREATE TABLE standing AS
WITH base AS (
    SELECT r.assessment_id, r.unit_id, a.jurisdiction_id, a.year, a.unit_group, a.status,
           r.total, a.max_total, a.ranking, r.published_rank, r.published_tier,
           CAST(100 * r.total / a.max_total AS DOUBLE) AS pct,
           CASE WHEN r.total IS NOT NULL
                THEN rank() OVER (PARTITION BY r.assessment_id ORDER BY r.total DESC NULLS LAST)
           END AS computed_rank
    FROM result r
    JOIN assessment a USING (assessment_id)
),
tier_table AS (
    SELECT jurisdiction_id, year, unit_group, max(tier_order) AS last_order,
           count(min_points) > 0 AS derivable
    FROM tier
    GROUP BY ALL
),
derived AS (
    SELECT b.assessment_id, b.unit_id, min(t.tier_order) AS tier_order
    FROM base b
    JOIN tier t USING (jurisdiction_id, year, unit_group)
    JOIN tier_table tt USING (jurisdiction_id, year, unit_group)
    WHERE b.total IS NOT NULL AND tt.derivable
      AND CASE WHEN t.min_points IS NULL THEN t.tier_order = tt.last_order
               WHEN t.min_inclusive THEN b.total >= t.min_points
               ELSE b.total > t.min_points END
    GROUP BY ALL
)
SELECT b.assessment_id, b.unit_id, b.jurisdiction_id, b.year, b.unit_group, b.status,
       b.total, b.max_total, b.pct,
       coalesce(b.published_rank, CASE WHEN b.ranking = 'computed' THEN b.computed_rank END) AS rank,
       CASE WHEN b.published_rank IS NOT NULL THEN 'published'
            WHEN b.ranking = 'computed' AND b.computed_rank IS NOT NULL THEN 'computed' END AS rank_basis,
       coalesce(pt.tier_order, d.tier_order) AS tier_order,
       CASE WHEN pt.tier_order IS NOT NULL THEN 'published'
            WHEN d.tier_order IS NOT NULL THEN 'derived' END AS tier_basis,
       d.tier_order AS derived_tier_order
FROM base b
LEFT JOIN tier pt
       ON pt.jurisdiction_id = b.jurisdiction_id AND pt.year = b.year
      AND pt.unit_group = b.unit_group AND pt.code = b.published_tier
LEFT JOIN derived d USING (assessment_id, unit_id);
