-- assessment: one assessment with its source and how complete its published data is.
-- Parameters: $jurisdiction, $group, $year
-- Columns: assessment_id, year, unit_group, max_total, n_units, ranking, status, decision_no,
--   decision_date, note_vi, note_en, source_id, publisher_vi, publisher_en, document_no,
--   source_title, source_url, framework_id, framework_vi, framework_en, n_results, n_scored,
--   n_tiered, n_illustrative, tiers_illustrative, has_tiers (the year's bands are set up),
--   from_sources (the assessment is one of data/'s published facts, not an editor's import)
SELECT a.assessment_id, a.year, a.unit_group, a.max_total, a.n_units, a.ranking, a.status,
       a.decision_no, a.decision_date, a.note_vi, a.note_en,
       s.source_id, s.publisher_vi, s.publisher_en, s.document_no,
       s.title AS source_title, s.url AS source_url,
       f.framework_id, f.name_vi AS framework_vi, f.name_en AS framework_en,
       (SELECT count(*) FROM result r WHERE r.assessment_id = a.assessment_id) AS n_results,
       (SELECT count(total) FROM result r WHERE r.assessment_id = a.assessment_id) AS n_scored,
       (SELECT count(tier_order) FROM standing st WHERE st.assessment_id = a.assessment_id) AS n_tiered,
       (SELECT count(*) FROM result r
         WHERE r.assessment_id = a.assessment_id AND r.provenance = 'illustrative') AS n_illustrative,
       coalesce((SELECT bool_or(t.provenance = 'illustrative') FROM tier t
                  WHERE t.jurisdiction_id = a.jurisdiction_id AND t.year = a.year
                    AND t.unit_group = a.unit_group), false) AS tiers_illustrative,
       EXISTS (SELECT 1 FROM tier t WHERE t.jurisdiction_id = a.jurisdiction_id AND t.year = a.year
                 AND t.unit_group = a.unit_group) AS has_tiers,
       a.import_id IS NULL AS from_sources
FROM assessment a
LEFT JOIN source s USING (source_id)
LEFT JOIN framework f USING (framework_id)
WHERE a.jurisdiction_id = $jurisdiction AND a.unit_group = $group AND a.year = $year
  AND visible(a.status);
