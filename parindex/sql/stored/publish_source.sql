-- publish_source: the draft's source, copied under the publication's decision.
-- Parameters: $assessment. Columns: the source table's but import_id
SELECT s.* EXCLUDE (import_id)
FROM source s
JOIN assessment a USING (source_id)
WHERE a.assessment_id = $assessment;
