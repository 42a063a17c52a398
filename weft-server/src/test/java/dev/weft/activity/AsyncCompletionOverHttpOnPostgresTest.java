package dev.weft.activity;

import dev.weft.server.testsupport.HttpClients;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AsyncCompletionTest} with the client over HTTP against a real server (PostgreSQL). */
@ExtendWith(HttpClients.OnPostgres.class)
class AsyncCompletionOverHttpOnPostgresTest extends AsyncCompletionTest {}
