-- latest_assessment: the group's latest assessment with a criteria set, the template's starting point.
-- Parameters: $jurisdiction, $group
-- Columns: year, framework_id, max_total (no row: the group has no criteria set yet)
SELECT year, framework_id, max_total
FROM assessment
WHERE jurisdiction_id = $jurisdiction AND unit_group = $group AND framework_id IS NOT NULL
ORDER BY year DESC
LIMIT 1;
