-- jurisdiction: every province (and the nation) known, what an import's place is checked against.
-- Parameters: none. Columns: jurisdiction_id, name_vi, name_en, level
SELECT jurisdiction_id, name_vi, name_en, level FROM jurisdiction;
