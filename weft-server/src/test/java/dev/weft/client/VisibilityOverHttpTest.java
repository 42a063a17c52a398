package dev.weft.client;

import dev.weft.server.testsupport.HttpClients;
import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link VisibilityTest} with the client over HTTP against a real server (SQLite). */
@ExtendWith(HttpClients.OnSqlite.class)
class VisibilityOverHttpTest extends VisibilityTest {

  @Override
  @Test
  @Disabled(
      "wire gap: describe's searchAttributes carry no types, so a DATETIME comes back as its"
          + " RFC 3339 string, not an Instant")
  void attributesGivenAtStartAreDescribedListedAndCounted(@TempDir Path dir) {}
}
