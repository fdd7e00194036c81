-- group_jurisdictions: the jurisdictions that have units of a group (the default for import and export).
-- Parameters: $group
-- Columns: jurisdiction_id
SELECT DISTINCT jurisdiction_id FROM unit WHERE unit_group = $group ORDER BY jurisdiction_id;
