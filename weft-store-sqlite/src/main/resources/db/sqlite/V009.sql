-- V009: KEYWORD_LIST search attributes. The list itself is in search_attributes.text_value (a JSON
-- array of strings, what a read returns, in order); each distinct keyword is also a row here, so
-- that "the list contains x" (Tags = 'x', Tags IN ('a', 'b')) is an index lookup by (name,
-- keyword) instead of a scan of every run's list.
CREATE TABLE search_attribute_keywords (
  run_id   TEXT NOT NULL,
  name     TEXT NOT NULL,
  keyword  TEXT NOT NULL,
  PRIMARY KEY (run_id, name, keyword)
) WITHOUT ROWID;
CREATE INDEX search_attribute_keywords_by_keyword ON search_attribute_keywords (name, keyword, run_id);
