-- fact_origins: every unit formed in a reorganisation, each former district it came from and its
-- new code, as the published-facts check compares them with the published list of communes.
-- Parameters: none
-- Columns: unit_id, former_unit_id, code_2025
SELECT unit_id, former_unit_id, code_2025 FROM unit_origin ORDER BY unit_id, former_unit_id;
