-- unit_alias: every spelling of a unit's name the importer recognises.
-- Parameters: none. Columns: alias, unit_id
SELECT alias, unit_id FROM unit_alias;
