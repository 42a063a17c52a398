-- V005: KEYWORD_LIST search attributes; see the SQLite store's V009. A B-tree on (name, keyword,
-- run_id) serves "the list contains x" as an index-only semi-join from the keyword to its runs.
CREATE TABLE search_attribute_keywords (
  run_id   TEXT COLLATE "C" NOT NULL,
  name     TEXT COLLATE "C" NOT NULL,
  keyword  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (run_id, name, keyword)
);
CREATE INDEX search_attribute_keywords_by_keyword ON search_attribute_keywords (name, keyword, run_id);
