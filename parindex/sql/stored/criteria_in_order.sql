-- criteria_in_order: every criterion of every set, in each set's order (the template picks one set).
-- Parameters: none. Columns: the criterion table's
SELECT * FROM criterion ORDER BY sort_order;
