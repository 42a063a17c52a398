package dev.weft.client;

import dev.weft.server.testsupport.HttpClients;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link StartDelayTest} with the client over HTTP against a real server (SQLite). */
@ExtendWith(HttpClients.OnSqlite.class)
class StartDelayOverHttpTest extends StartDelayTest {}
