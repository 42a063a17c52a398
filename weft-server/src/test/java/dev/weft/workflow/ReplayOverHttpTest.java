package dev.weft.workflow;

import dev.weft.server.testsupport.HttpClients;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ReplayTest} with the client over HTTP against a real server (SQLite): describe's
 * non-determinism member (the two sides as data) and workflow task failures come back through
 * {@code GET .../workflows/{workflowId}}.
 */
@ExtendWith(HttpClients.OnSqlite.class)
class ReplayOverHttpTest extends ReplayTest {}
