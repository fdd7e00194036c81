-- draft_list: the draft assessments (editors only: empty unless drafts are visible), newest first.
-- Parameters: none
-- Columns: assessment_id, jurisdiction_id, year, unit_group, n_results, import_id
SELECT a.assessment_id, a.jurisdiction_id, a.year, a.unit_group,
       (SELECT count(*) FROM result r WHERE r.assessment_id = a.assessment_id) AS n_results, a.import_id
FROM assessment a
WHERE a.status = 'draft' AND visible(a.status)
ORDER BY a.year DESC, a.unit_group;
