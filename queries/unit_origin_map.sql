-- unit_origin_map: for every unit of a group formed in a reorganisation, each former district it
-- took communes from (a commune formed from two districts is in both), to group the units by it.
-- A unit only a draft has is left out for anonymous readers (shown_unit).
-- Parameters: $jurisdiction, $group
-- Columns: unit_id, former_unit_id, district_vi, district_en, district_short_vi, district_short_en
SELECT o.unit_id, o.former_unit_id, d.name_vi AS district_vi, d.name_en AS district_en,
       d.short_vi AS district_short_vi, d.short_en AS district_short_en
FROM unit_origin o
JOIN unit u ON u.unit_id = o.unit_id
JOIN unit d ON d.unit_id = o.former_unit_id
WHERE u.jurisdiction_id = $jurisdiction AND u.unit_group = $group AND shown_unit(o.unit_id)
ORDER BY d.name_vi COLLATE vi, o.unit_id;
