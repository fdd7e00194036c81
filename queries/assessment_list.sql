-- assessment_list: every visible assessment of one province and of the national index (published;
-- drafts for editors) with its scale, decision, source and what of it
-- is published or illustrative.
-- Parameters: $jurisdiction (the province chosen: its own units' assessments, and the national index)
-- Columns: year, unit_group, jurisdiction_vi, jurisdiction_en, max_total, n_units, n_results,
--   n_scored, n_illustrative, decision_no, publisher_vi, publisher_en, title, url, framework_id
SELECT a.year, a.unit_group, j.name_vi AS jurisdiction_vi, j.name_en AS jurisdiction_en, a.max_total,
       a.n_units, count(r.unit_id) AS n_results, count(r.total) AS n_scored,
       count(r.unit_id) FILTER (WHERE r.provenance = 'illustrative') AS n_illustrative,
       a.decision_no, s.publisher_vi, s.publisher_en, s.title, s.url, a.framework_id
FROM assessment a
JOIN jurisdiction j USING (jurisdiction_id)
LEFT JOIN result r USING (assessment_id)
LEFT JOIN source s ON s.source_id = a.source_id
WHERE visible(a.status) AND (a.jurisdiction_id = $jurisdiction OR a.unit_group = 'province')
GROUP BY a.assessment_id, a.year, a.unit_group, j.name_vi, j.name_en, a.max_total, a.n_units, a.decision_no,
         s.publisher_vi, s.publisher_en, s.title, s.url, a.framework_id
ORDER BY list_position(['department', 'district', 'commune', 'province'], a.unit_group), a.year;
