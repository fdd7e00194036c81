-- setup_tiers: the tier bands a set-up wrote, in band order.
-- Parameters: $import_id (the set-up's). Columns: the tier table's
SELECT * FROM tier WHERE import_id = $import_id ORDER BY tier_order;
