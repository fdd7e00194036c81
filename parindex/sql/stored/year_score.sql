-- year_score: the criterion scores of one year and group (see year_result).
-- Parameters: $year, $group, $jurisdiction (NULL: every province)
-- Columns: the score table's but import_id
SELECT s.* EXCLUDE (import_id)
FROM score s
JOIN assessment a USING (assessment_id)
WHERE a.year = $year AND a.unit_group = $group
  AND (CAST($jurisdiction AS VARCHAR) IS NULL OR a.jurisdiction_id = $jurisdiction);
