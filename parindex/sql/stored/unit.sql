-- unit: every unit as stored (drafts' units included), what an import resolves names against.
-- Parameters: none. Columns: unit_id, jurisdiction_id, unit_group, name_vi, first_year, last_year
SELECT unit_id, jurisdiction_id, unit_group, name_vi, first_year, last_year FROM unit;
