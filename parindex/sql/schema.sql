-- The database the dashboard reads. Built from data/*.csv by parindex.build; never edited in place.
-- import_id: NULL on rows from data/, the import's id on rows an editor imported (parindex.importing);
-- a rebuild carries the imported rows (and the import log) from the old file into the new one.
-- Points are DECIMAL so that sums, ties and tier bounds are exact (89.995 stays below 90).

CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

-- Who sees what: published assessments for everyone; drafts only where the reader's connection
-- has set the variable (parindex.db does, for a signed-in editor). Unset means no drafts.
CREATE MACRO visible(status) AS status = 'published' OR coalesce(getvariable('drafts'), false);

-- The group mean, in an aggregate over a group's units: only when every one of its n_units has a
-- score (a mean of the published few would mislead). The one definition group_summary.sql (the
-- pages) and published_check.sql (the build's check of the announced mean) both use.
CREATE MACRO complete_mean(score, n_units) AS CASE WHEN count(score) = n_units THEN avg(score) END;

CREATE TABLE source (
    source_id VARCHAR PRIMARY KEY, publisher_vi VARCHAR NOT NULL, publisher_en VARCHAR NOT NULL,
    document_no VARCHAR, title VARCHAR NOT NULL, url VARCHAR, provenance VARCHAR NOT NULL,
    import_id INTEGER);

CREATE TABLE jurisdiction (
    jurisdiction_id VARCHAR PRIMARY KEY, name_vi VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
    level VARCHAR NOT NULL, import_id INTEGER);

CREATE TABLE unit (
    unit_id VARCHAR PRIMARY KEY, jurisdiction_id VARCHAR NOT NULL, unit_group VARCHAR NOT NULL,
    name_vi VARCHAR NOT NULL, name_en VARCHAR NOT NULL, short_vi VARCHAR NOT NULL,
    short_en VARCHAR NOT NULL, first_year INTEGER, last_year INTEGER,
    note_vi VARCHAR, note_en VARCHAR,  -- what is known of the unit, e.g. a name no source confirms
    line_id VARCHAR NOT NULL,  -- the unit a chain of renames ends in: one trend line
    import_id INTEGER);

CREATE TABLE unit_alias (alias VARCHAR NOT NULL, alias_key VARCHAR NOT NULL, unit_id VARCHAR NOT NULL,
    import_id INTEGER);

-- successor_id is NULL where a unit was abolished; year is the first year assessed after the
-- change (a predecessor's last year is the one before); kind 'move' is a move to another group.
CREATE TABLE unit_lineage (
    predecessor_id VARCHAR NOT NULL, successor_id VARCHAR, year INTEGER NOT NULL,
    kind VARCHAR NOT NULL, source_id VARCHAR, note_vi VARCHAR, note_en VARCHAR,
    effective_date DATE, decision_no VARCHAR, import_id INTEGER);

-- Where a unit of a reorganisation came from: a 2025 commune and each former district whose
-- communes it took in (predecessors_vi names them), with its 2025 administrative code.
CREATE TABLE unit_origin (
    unit_id VARCHAR NOT NULL, former_unit_id VARCHAR NOT NULL, predecessors_vi VARCHAR, code_2025 VARCHAR,
    source_id VARCHAR, import_id INTEGER);

CREATE TABLE framework (
    framework_id VARCHAR PRIMARY KEY, name_vi VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
    first_year INTEGER, last_year INTEGER, max_total DECIMAL(9, 4), provenance VARCHAR NOT NULL,
    source_id VARCHAR, note_vi VARCHAR, note_en VARCHAR, import_id INTEGER);

CREATE TABLE criterion (
    framework_id VARCHAR NOT NULL, criterion_id VARCHAR NOT NULL, parent_id VARCHAR,
    level VARCHAR NOT NULL, area_key VARCHAR NOT NULL, name_vi VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL, short_vi VARCHAR NOT NULL, short_en VARCHAR NOT NULL,
    max_points DECIMAL(9, 4) NOT NULL, self_assessed BOOLEAN NOT NULL, sort_order INTEGER NOT NULL,
    import_id INTEGER,
    PRIMARY KEY (framework_id, criterion_id));

CREATE TABLE assessment (
    assessment_id VARCHAR PRIMARY KEY, jurisdiction_id VARCHAR NOT NULL, year INTEGER NOT NULL,
    unit_group VARCHAR NOT NULL, framework_id VARCHAR, max_total DECIMAL(9, 4),
    n_units INTEGER,            -- units the announcement covered, scored or not
    ranking VARCHAR NOT NULL,   -- 'computed' from totals, or 'published' only (partial tables)
    status VARCHAR NOT NULL,    -- 'draft' or 'published'
    decision_no VARCHAR, decision_date DATE, source_id VARCHAR, note_vi VARCHAR, note_en VARCHAR,
    import_id INTEGER);

CREATE TABLE tier (
    jurisdiction_id VARCHAR NOT NULL, year INTEGER NOT NULL, unit_group VARCHAR NOT NULL,
    tier_order INTEGER NOT NULL, code VARCHAR NOT NULL, label_vi VARCHAR NOT NULL,
    label_en VARCHAR NOT NULL, min_points DECIMAL(9, 4), min_inclusive BOOLEAN,
    provenance VARCHAR NOT NULL, source_id VARCHAR, import_id INTEGER,
    PRIMARY KEY (jurisdiction_id, year, unit_group, tier_order));

CREATE TABLE result (
    assessment_id VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, total DECIMAL(9, 4),
    self_total DECIMAL(9, 4), appraised DECIMAL(9, 4), survey DECIMAL(9, 4),
    published_rank INTEGER, published_tier VARCHAR, derived BOOLEAN NOT NULL,
    provenance VARCHAR NOT NULL, source_id VARCHAR, note_vi VARCHAR, note_en VARCHAR, import_id INTEGER,
    PRIMARY KEY (assessment_id, unit_id));

CREATE TABLE score (
    assessment_id VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, criterion_id VARCHAR NOT NULL,
    self_points DECIMAL(9, 4), final_points DECIMAL(9, 4), provenance VARCHAR NOT NULL, import_id INTEGER,
    PRIMARY KEY (assessment_id, unit_id, criterion_id));

CREATE TABLE published_stat (
    jurisdiction_id VARCHAR NOT NULL, year INTEGER NOT NULL, unit_group VARCHAR NOT NULL,
    stat VARCHAR NOT NULL, value DECIMAL(9, 4) NOT NULL, source_id VARCHAR, note VARCHAR);

-- Every import and publication: who, when, which file (name and SHA-256), how many rows, status.
CREATE TABLE import_log (
    import_id INTEGER PRIMARY KEY, imported_at TIMESTAMP NOT NULL, editor VARCHAR NOT NULL, action VARCHAR NOT NULL,
    file_name VARCHAR, sha256 VARCHAR, rows INTEGER, status VARCHAR NOT NULL, jurisdiction_id VARCHAR,
    year INTEGER, unit_group VARCHAR, assessment_id VARCHAR, replaced BOOLEAN, decision_no VARCHAR);

-- A unit is shown where it has a visible result, or no result at all (a unit an import created
-- for a draft is as secret as the draft). Defined after the tables it reads. Pass a qualified
-- column (u.unit_id): a macro's argument is expanded as text, and a bare unit_id would bind to
-- the subquery's own column.
CREATE MACRO shown_unit(id) AS
    NOT EXISTS (SELECT 1 FROM result shown_r WHERE shown_r.unit_id = id)
    OR EXISTS (SELECT 1 FROM result shown_r JOIN assessment shown_a USING (assessment_id)
               WHERE shown_r.unit_id = id AND visible(shown_a.status));
