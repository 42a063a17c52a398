-- api-tokens V001: the HTTP API's tokens. A token's secret is never stored: only its SHA-256 hash,
-- by which a request's token is found (unique). Times are epoch milliseconds; revoked_at is null
-- while the token is valid. Revoked tokens are kept, so listings show who had access until when.
-- A token is bound to one or more namespaces ('*' alone: every namespace).

CREATE TABLE api_tokens (
  token_id     TEXT NOT NULL PRIMARY KEY,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL,
  secret_hash  BLOB NOT NULL UNIQUE,
  created_at   BIGINT NOT NULL,
  revoked_at   BIGINT
);

CREATE TABLE api_token_namespaces (
  token_id   TEXT NOT NULL REFERENCES api_tokens (token_id),
  namespace  TEXT NOT NULL,
  PRIMARY KEY (token_id, namespace)
) WITHOUT ROWID;
