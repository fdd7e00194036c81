-- years: the visible assessments (published; drafts for editors) that have unit results, for the year and group filters.
-- Parameters: none
-- Columns: jurisdiction_id, unit_group, year, status, n_results, n_scored
SELECT a.jurisdiction_id, a.unit_group, a.year, a.status,
       count(r.unit_id) AS n_results,
       count(r.total) AS n_scored
FROM assessment a
JOIN result r USING (assessment_id)
WHERE visible(a.status)
GROUP BY ALL
ORDER BY a.jurisdiction_id, a.unit_group, a.year;
