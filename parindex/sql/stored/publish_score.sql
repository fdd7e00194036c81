-- publish_score: the draft's criterion scores, written again as published.
-- Parameters: $assessment. Columns: the score table's but import_id
SELECT * EXCLUDE (import_id) FROM score WHERE assessment_id = $assessment;
