-- dataset_scores: every sub-criterion score, all years, for the full-dataset download.
-- Parameters: none
-- Columns: jurisdiction_id (see dataset_results), year, unit_group, unit_id, name_vi, framework_id,
--   criterion_id, criterion_vi, criterion_en, max_points, self_points, final_points, provenance
SELECT s.jurisdiction_id, s.year, s.unit_group, n.unit_id, u.name_vi, n.framework_id, n.criterion_id,
       c.name_vi AS criterion_vi, c.name_en AS criterion_en, n.max_points, n.self_points, n.final_points, sc.provenance
FROM node_score n
JOIN standing s USING (assessment_id, unit_id)
JOIN unit u USING (unit_id)
JOIN criterion c ON c.framework_id = n.framework_id AND c.criterion_id = n.criterion_id
JOIN score sc ON sc.assessment_id = n.assessment_id AND sc.unit_id = n.unit_id AND sc.criterion_id = n.criterion_id
WHERE n.level = 'sub' AND visible(s.status)
ORDER BY s.unit_group, s.jurisdiction_id, s.year, u.name_vi, n.criterion_id;
