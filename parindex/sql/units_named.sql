-- units_named: the units of one jurisdiction and group that a name means in a year (other
-- provinces have a Sở Nội vụ too), matched on the alias key of every spelling seen.
-- Parameters: $alias_key (parindex.names.name_key of the name), $jurisdiction, $group, $year
-- Columns: unit_id
SELECT DISTINCT u.unit_id
FROM unit_alias a
JOIN unit u USING (unit_id)
WHERE a.alias_key = $alias_key AND u.jurisdiction_id = $jurisdiction AND u.unit_group = $group
  AND coalesce(u.first_year, $year) <= $year AND $year <= coalesce(u.last_year, $year)
ORDER BY u.unit_id;
