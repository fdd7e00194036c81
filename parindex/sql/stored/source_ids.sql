-- source_ids: the sources already stored (a restored assessment's source is added only once).
-- Parameters: none. Columns: source_id
SELECT source_id FROM source;
