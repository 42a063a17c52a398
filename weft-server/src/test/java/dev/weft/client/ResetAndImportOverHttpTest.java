package dev.weft.client;

import dev.weft.server.testsupport.HttpClients;
import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link ResetAndImportTest} with the client over HTTP against a real server (SQLite). */
@ExtendWith(HttpClients.OnSqlite.class)
class ResetAndImportOverHttpTest extends ResetAndImportTest {

  @Override
  @Test
  @Disabled("importHistory is in-process only (RemoteClientTest checks its refusal over HTTP)")
  void anExportedHistoryImportsAsAClosedOrARunningRun(@TempDir Path dir) {}
}
