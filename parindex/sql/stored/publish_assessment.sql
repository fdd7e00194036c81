-- publish_assessment: the draft assessment to publish, without the import that wrote it.
-- Parameters: $assessment. Columns: the assessment table's but import_id
SELECT * EXCLUDE (import_id) FROM assessment WHERE assessment_id = $assessment;
