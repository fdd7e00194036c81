-- backup_assessments: every assessment with results, as the backup's manifest lists them.
-- Parameters: none
-- Columns: assessment_id, jurisdiction_id, year, unit_group, status, decision_no, decision_date (text),
-- n_units, ranking, note_vi, note_en, source_id
SELECT a.assessment_id, a.jurisdiction_id, a.year, a.unit_group, a.status, a.decision_no,
       CAST(a.decision_date AS VARCHAR) AS decision_date, a.n_units, a.ranking, a.note_vi, a.note_en, a.source_id
FROM assessment a
WHERE EXISTS (SELECT 1 FROM result r WHERE r.assessment_id = a.assessment_id)
ORDER BY a.year, a.unit_group, a.jurisdiction_id;
