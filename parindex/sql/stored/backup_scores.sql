-- backup_scores: every criterion score.
-- Parameters: none. Columns: the score table's
SELECT * FROM score ORDER BY unit_id, criterion_id;
