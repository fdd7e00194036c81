-- setup_units: the units a set-up created.
-- Parameters: $import_id (the set-up's). Columns: the unit table's
SELECT * FROM unit WHERE import_id = $import_id ORDER BY unit_id;
