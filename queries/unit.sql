-- unit: one unit with its group, jurisdiction, active years and the renames around it.
-- Units that appear only in a draft are left out for anonymous readers (shown_unit).
-- Parameters: $unit
-- Columns: unit_id, jurisdiction_id, unit_group, name_vi, name_en, short_vi, short_en,
--   first_year, last_year, line_id, note_vi, note_en (what is known of the unit, e.g. a name no source
--   confirms), became_vi, became_en, was_vi, was_en (the unit's changes' notes, in year order)
SELECT u.unit_id, u.jurisdiction_id, u.unit_group, u.name_vi, u.name_en, u.short_vi, u.short_en,
       u.first_year, u.last_year, u.line_id, u.note_vi, u.note_en,
       (SELECT string_agg(l.note_vi, ' ' ORDER BY l.year, l.note_vi)
        FROM unit_lineage l WHERE l.predecessor_id = u.unit_id) AS became_vi,
       (SELECT string_agg(l.note_en, ' ' ORDER BY l.year, l.note_en)
        FROM unit_lineage l WHERE l.predecessor_id = u.unit_id) AS became_en,
       (SELECT string_agg(l.note_vi, ' ' ORDER BY l.year, l.note_vi)
        FROM unit_lineage l WHERE l.successor_id = u.unit_id) AS was_vi,
       (SELECT string_agg(l.note_en, ' ' ORDER BY l.year, l.note_en)
        FROM unit_lineage l WHERE l.successor_id = u.unit_id) AS was_en
FROM unit u
WHERE u.unit_id = $unit AND shown_unit(u.unit_id);
