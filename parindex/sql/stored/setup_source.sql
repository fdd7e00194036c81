-- setup_source: the decision a set-up recorded.
-- Parameters: $import_id (the set-up's). Columns: document_no
SELECT document_no FROM source WHERE import_id = $import_id;
