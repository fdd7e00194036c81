-- units_named: the units of one jurisdiction and group active in a year, under the alias key of
-- every spelling seen (other provinces have a Sở Nội vụ too): what each published name can mean.
-- Parameters: $jurisdiction, $group, $year
-- Columns: alias_key, unit_id
SELECT DISTINCT a.alias_key, u.unit_id
FROM unit_alias a
JOIN unit u USING (unit_id)
WHERE u.jurisdiction_id = $jurisdiction AND u.unit_group = $group
  AND coalesce(u.first_year, $year) <= $year AND $year <= coalesce(u.last_year, $year)
ORDER BY a.alias_key, u.unit_id;
