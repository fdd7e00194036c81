-- year_result: the totals of one year and group (of one province, or of all when $jurisdiction is
-- NULL), what a set-up's new bands and criteria are checked against. Only the year's: a national
-- database holds millions of scores.
-- Parameters: $year, $group, $jurisdiction (NULL: every province)
-- Columns: the result table's but import_id
SELECT r.* EXCLUDE (import_id)
FROM result r
JOIN assessment a USING (assessment_id)
WHERE a.year = $year AND a.unit_group = $group
  AND (CAST($jurisdiction AS VARCHAR) IS NULL OR a.jurisdiction_id = $jurisdiction);
