package dev.weft.client;

import dev.weft.server.testsupport.HttpClients;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link UpdateTest} with the client over HTTP against a real server (PostgreSQL). */
@ExtendWith(HttpClients.OnPostgres.class)
class UpdateOverHttpOnPostgresTest extends UpdateTest {}
