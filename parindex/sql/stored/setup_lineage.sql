-- setup_lineage: the unit changes a set-up wrote, with what it recorded of each successor.
-- Parameters: $import_id (the set-up's)
-- Columns: the unit_lineage table's, s_vi, s_en, s_short, s_group, s_import (the successor's names,
-- group and the import that created it; NULL for a unit that ends without one)
SELECT l.*, s.name_vi AS s_vi, s.name_en AS s_en, s.short_vi AS s_short, s.unit_group AS s_group,
       s.import_id AS s_import
FROM unit_lineage l
LEFT JOIN unit s ON s.unit_id = l.successor_id
WHERE l.import_id = $import_id
ORDER BY l.kind, l.predecessor_id;
