-- unit_lineage: every stored unit change (a set-up checks its own against them).
-- Parameters: none. Columns: predecessor_id, successor_id, year, kind, import_id
SELECT predecessor_id, successor_id, year, kind, import_id FROM unit_lineage;
