package dev.weft.client;

import dev.weft.server.testsupport.HttpClients;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RunsNeedingAttentionTest} with the client over HTTP against a real server (SQLite): the
 * remote client's listRunsNeedingAttention goes through {@code GET .../attention}.
 */
@ExtendWith(HttpClients.OnSqlite.class)
class RunsNeedingAttentionOverHttpTest extends RunsNeedingAttentionTest {}
