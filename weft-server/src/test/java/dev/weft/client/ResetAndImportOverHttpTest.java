package dev.weft.client;

import dev.weft.server.testsupport.HttpClients;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ResetAndImportTest} with the client over HTTP against a real server (SQLite): resets and
 * history imports ({@code POST .../workflow-imports}) go through the API.
 */
@ExtendWith(HttpClients.OnSqlite.class)
class ResetAndImportOverHttpTest extends ResetAndImportTest {}
