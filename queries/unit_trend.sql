-- unit_trend: % of maximum over the years for a unit's line and for the lines a merge or split
-- joins to it (its predecessors' and successors'), one line_id per segment: a trend shows them
-- side by side with a break, never as one joined series.
-- Parameters: $unit
-- Columns: line_id, is_own, year, unit_id, name_vi, name_en, short_vi, short_en, total, pct, rank,
--   rank_of, provenance, jurisdiction_id, place_vi, place_en (the province of the line's unit: a
--   merger of two provinces joins lines of both)
WITH mine AS (SELECT line_id FROM unit WHERE unit_id = $unit),
linked AS (
    SELECT s.line_id FROM unit_lineage l
    JOIN unit p ON p.unit_id = l.predecessor_id JOIN unit s ON s.unit_id = l.successor_id
    WHERE l.kind <> 'rename' AND p.line_id = (SELECT line_id FROM mine)
    UNION
    SELECT p.line_id FROM unit_lineage l
    JOIN unit p ON p.unit_id = l.predecessor_id JOIN unit s ON s.unit_id = l.successor_id
    WHERE l.kind <> 'rename' AND s.line_id = (SELECT line_id FROM mine)
    UNION
    SELECT line_id FROM mine
)
SELECT u.line_id, u.line_id = (SELECT line_id FROM mine) AS is_own, st.year, st.unit_id,
       u.name_vi, u.name_en, u.short_vi, u.short_en, st.total, st.pct, st.rank, a.n_units AS rank_of,
       r.provenance, u.jurisdiction_id, j.name_vi AS place_vi, j.name_en AS place_en
FROM standing st
JOIN unit u USING (unit_id)
JOIN jurisdiction j ON j.jurisdiction_id = u.jurisdiction_id
JOIN result r USING (assessment_id, unit_id)
JOIN assessment a USING (assessment_id)
WHERE u.line_id IN (SELECT line_id FROM linked) AND visible(st.status)
ORDER BY is_own, u.line_id, st.year;
