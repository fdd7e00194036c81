-- criteria_years: the visible years of a group (published; drafts for editors) that have
-- criterion-level scores.
-- Parameters: $jurisdiction, $group
-- Columns: year, framework_id
SELECT DISTINCT a.year, a.framework_id
FROM assessment a
WHERE a.jurisdiction_id = $jurisdiction AND a.unit_group = $group AND visible(a.status)
  AND EXISTS (SELECT 1 FROM node_score n WHERE n.assessment_id = a.assessment_id)
ORDER BY a.year;
