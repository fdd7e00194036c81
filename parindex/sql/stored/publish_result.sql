-- publish_result: the draft's totals, written again as published.
-- Parameters: $assessment. Columns: the result table's but import_id
SELECT * EXCLUDE (import_id) FROM result WHERE assessment_id = $assessment;
