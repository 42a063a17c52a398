-- tck-notes V002: a second version, so that code knowing only V001 finds the schema newer.

CREATE INDEX tck_notes_by_name ON tck_notes (name, run_id);
