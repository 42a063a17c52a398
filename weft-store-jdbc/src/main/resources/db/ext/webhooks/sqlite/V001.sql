-- webhooks V001: the webhook definitions apps write, read by the HTTP server (which has no app
-- code). A hook's secret is never stored: only the name of the environment variable holding it.
-- action is the JSON document of the action template. source names the app that defined the hook,
-- whose definitions replace its own rows at start. Times are epoch milliseconds. Deliveries are
-- runs of the delivery workflow, not rows.

CREATE TABLE webhooks (
  namespace   TEXT NOT NULL,
  name        TEXT NOT NULL,
  source      TEXT NOT NULL,
  secret_env  TEXT NOT NULL,
  action      TEXT NOT NULL,
  updated_at  BIGINT NOT NULL,
  PRIMARY KEY (namespace, name)
) WITHOUT ROWID;
