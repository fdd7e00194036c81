-- fact_standing: the standing of every unit of one jurisdiction and group in one year, as the
-- published-facts check compares it (the build runs it on the new file, drafts included: parindex.facts).
-- Parameters: $jurisdiction, $group, $year
-- Columns: unit_id, total, max_total, rank, code (the tier's code), derived (the result was derived, not published)
SELECT s.unit_id, s.total, a.max_total, s.rank, t.code, r.derived
FROM standing s
JOIN assessment a USING (assessment_id)
JOIN result r USING (assessment_id, unit_id)
LEFT JOIN tier t ON t.jurisdiction_id = s.jurisdiction_id AND t.year = s.year
                AND t.unit_group = s.unit_group AND t.tier_order = s.tier_order
WHERE s.jurisdiction_id = $jurisdiction AND s.unit_group = $group AND s.year = $year;
