-- criterion: every criterion of every set, without the import that wrote it (compared by content).
-- Parameters: none. Columns: the criterion table's but import_id
SELECT * EXCLUDE (import_id) FROM criterion;
