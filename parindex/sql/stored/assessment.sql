-- assessment: every assessment, drafts included (an import replaces or adds one).
-- Parameters: none. Columns: the assessment table's
SELECT * FROM assessment;
