-- setup_criteria: the criteria a set-up wrote, in the set's order.
-- Parameters: $import_id (the set-up's). Columns: the criterion table's
SELECT * FROM criterion WHERE import_id = $import_id ORDER BY sort_order;
