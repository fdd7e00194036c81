-- jurisdictions: the provinces whose own units have visible results (published; drafts for
-- editors), not the national index where provinces are the units; for the jurisdiction filter.
-- Parameters: none
-- Columns: jurisdiction_id, name_vi, name_en
SELECT j.jurisdiction_id, j.name_vi, j.name_en
FROM jurisdiction j
WHERE EXISTS (SELECT 1 FROM assessment a JOIN result r USING (assessment_id)
              WHERE a.jurisdiction_id = j.jurisdiction_id AND a.unit_group <> 'province'
                AND visible(a.status))
ORDER BY j.name_vi COLLATE vi;
