package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.testsupport.HttpClients;
import dev.weft.testsupport.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link TypedSearchAttributesTest} with the client over HTTP against a real server (SQLite). */
@ExtendWith(HttpClients.OnSqlite.class)
class TypedSearchAttributesOverHttpTest extends TypedSearchAttributesTest {
  /** The server checks the JSON before the engine does: its refusal names the request field. */
  @Override
  @Test
  void aListOfSomethingElseThanStringsIsRefusedAtStart(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThatThrownBy(
              () ->
                  f.client()
                      .start(
                          "Parcel",
                          WorkflowOptions.newBuilder()
                              .taskQueue("parcels")
                              .searchAttribute("Tags", List.of(1, 2))
                              .build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("options.searchAttributes.Tags")
          .hasMessageContaining("a non-empty array of strings");
    }
  }
}
