package dev.weft.activity;

import dev.weft.server.testsupport.HttpClients;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AsyncCompletionTest} with the client over HTTP against a real server (SQLite): the
 * client's completeActivity, failActivity and heartbeatActivity go through the remote workers'
 * report routes, with their lease fencing.
 */
@ExtendWith(HttpClients.OnSqlite.class)
class AsyncCompletionOverHttpTest extends AsyncCompletionTest {}
