-- rank_movement: each unit's rank in two years, following renames (a unit and its predecessor
-- are one line); moved > 0 means it rose. Units ranked in only one of the years are included
-- with the other rank missing.
-- Parameters: $jurisdiction, $group, $from, $to (years)
--   $former_province, $former_district (optional, 'all' when not given): only the communes
--   formed from that former province or district (unit_origin); ranks stay the province's
-- Columns: line_id, name_vi, name_en, short_vi, short_en, rank_from, rank_to, moved
WITH ranked AS (
    SELECT u.line_id, s.year, s.rank
    FROM standing s JOIN unit u USING (unit_id)
    WHERE s.jurisdiction_id = $jurisdiction AND s.unit_group = $group AND visible(s.status)
      AND s.year IN ($from, $to) AND s.rank IS NOT NULL
      AND (coalesce($former_province, $former_district) IS NULL OR s.unit_id IN (
          SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id
          WHERE d.jurisdiction_id = coalesce($former_province, d.jurisdiction_id)
            AND o.former_unit_id = coalesce($former_district, o.former_unit_id)))
)
SELECT l.line_id, u.name_vi, u.name_en, u.short_vi, u.short_en,
       max(r.rank) FILTER (WHERE r.year = $from) AS rank_from,
       max(r.rank) FILTER (WHERE r.year = $to) AS rank_to,
       max(r.rank) FILTER (WHERE r.year = $from) - max(r.rank) FILTER (WHERE r.year = $to) AS moved
FROM (SELECT DISTINCT line_id FROM ranked) l
JOIN unit u ON u.unit_id = l.line_id
JOIN ranked r ON r.line_id = l.line_id
GROUP BY ALL
ORDER BY rank_to NULLS LAST, rank_from NULLS LAST;
