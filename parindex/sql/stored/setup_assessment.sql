-- setup_assessment: the set-up year's criteria set and maximum, with the set's names and the import
-- that wrote the set (its own, or an earlier one it reuses).
-- Parameters: $import_id (the set-up's)
-- Columns: framework_id, max_total, name_vi, name_en, provenance, import_id (the set's)
SELECT a.framework_id, a.max_total, f.name_vi, f.name_en, f.provenance, f.import_id
FROM assessment a
LEFT JOIN framework f USING (framework_id)
JOIN import_log l ON l.jurisdiction_id = a.jurisdiction_id AND l.year = a.year AND l.unit_group = a.unit_group
WHERE l.import_id = $import_id;
