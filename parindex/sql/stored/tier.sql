-- tier: every stored tier band (a set-up's bands replace its year's).
-- Parameters: none. Columns: jurisdiction_id, year, unit_group, tier_order, label_vi, min_points, min_inclusive
SELECT jurisdiction_id, year, unit_group, tier_order, label_vi, min_points, min_inclusive FROM tier;
