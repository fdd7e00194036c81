-- setup_aliases: the spellings a set-up recorded for its units.
-- Parameters: $import_id (the set-up's). Columns: alias, unit_id
SELECT alias, unit_id FROM unit_alias WHERE import_id = $import_id ORDER BY unit_id, alias;
