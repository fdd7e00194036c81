-- lineage_list: every rename, merge, split and abolition, with the units named.
-- Parameters: none
-- Columns: year, kind, predecessor_vi, predecessor_en, successor_vi, successor_en, note_vi, note_en
SELECT l.year, l.kind, p.name_vi AS predecessor_vi, p.name_en AS predecessor_en,
       s.name_vi AS successor_vi, s.name_en AS successor_en, l.note_vi, l.note_en
FROM unit_lineage l
JOIN unit p ON p.unit_id = l.predecessor_id
LEFT JOIN unit s ON s.unit_id = l.successor_id
ORDER BY l.year, p.name_vi;
