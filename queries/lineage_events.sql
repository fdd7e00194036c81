-- lineage_events: the merges, splits and abolitions that end or start a unit's line (renames
-- continue a line and are not listed), each with every unit on both sides, named: "A + B → C"; a
-- unit of another province than the one it merged into is named with it ("Sở Y tế — Yên Bái (đến 2024)").
-- Parameters: $unit
-- Columns: year, kind, predecessors_vi, predecessors_en, successors_vi, successors_en, note_vi,
--   note_en, ends_line (the unit's line ends here), starts_line (the unit's line starts here)
WITH mine AS (SELECT line_id FROM unit WHERE unit_id = $unit),
events AS (
    SELECT l.year, l.kind, l.note_vi, l.note_en,
           CASE WHEN p.jurisdiction_id <> s.jurisdiction_id THEN p.name_vi || ' — ' || pj.name_vi ELSE p.name_vi END
               AS p_vi,
           CASE WHEN p.jurisdiction_id <> s.jurisdiction_id THEN p.name_en || ' — ' || pj.name_en ELSE p.name_en END
               AS p_en,
           p.line_id AS p_line,
           s.name_vi AS s_vi, s.name_en AS s_en, s.line_id AS s_line,
           -- one event: a merge gathers on its successor, a split or abolition on its predecessor
           l.year || ':' || l.kind || ':' || CASE WHEN l.kind = 'merge' THEN s.line_id ELSE p.line_id END AS event_key
    FROM unit_lineage l
    JOIN unit p ON p.unit_id = l.predecessor_id
    JOIN jurisdiction pj ON pj.jurisdiction_id = p.jurisdiction_id
    LEFT JOIN unit s ON s.unit_id = l.successor_id
    WHERE l.kind <> 'rename'
)
SELECT any_value(year) AS year, any_value(kind) AS kind,
       string_agg(DISTINCT p_vi, ' + ' ORDER BY p_vi) AS predecessors_vi,
       string_agg(DISTINCT p_en, ' + ' ORDER BY p_en) AS predecessors_en,
       string_agg(DISTINCT s_vi, ' + ' ORDER BY s_vi) AS successors_vi,
       string_agg(DISTINCT s_en, ' + ' ORDER BY s_en) AS successors_en,
       any_value(note_vi) AS note_vi, any_value(note_en) AS note_en,
       bool_or(p_line = (SELECT line_id FROM mine)) AS ends_line,
       bool_or(coalesce(s_line = (SELECT line_id FROM mine), false)) AS starts_line
FROM events
WHERE event_key IN (SELECT event_key FROM events
                    WHERE p_line = (SELECT line_id FROM mine) OR s_line = (SELECT line_id FROM mine))
GROUP BY event_key
ORDER BY year;
