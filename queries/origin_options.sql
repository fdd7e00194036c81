-- origin_options: the former provinces and districts a group's units were formed from (the
-- commune filters fp and fd), with how many units each gave; empty for a group without origins.
-- Parameters: $jurisdiction, $group
-- Columns: former_unit_id, district_vi, district_en, province_id, province_vi, province_en, n_units
SELECT o.former_unit_id, d.name_vi AS district_vi, d.name_en AS district_en,
       d.jurisdiction_id AS province_id, j.name_vi AS province_vi, j.name_en AS province_en,
       count(DISTINCT o.unit_id) AS n_units
FROM unit_origin o
JOIN unit u ON u.unit_id = o.unit_id
JOIN unit d ON d.unit_id = o.former_unit_id
JOIN jurisdiction j ON j.jurisdiction_id = d.jurisdiction_id
WHERE u.jurisdiction_id = $jurisdiction AND u.unit_group = $group AND shown_unit(u.unit_id)
GROUP BY ALL
ORDER BY province_id, district_vi COLLATE vi;
