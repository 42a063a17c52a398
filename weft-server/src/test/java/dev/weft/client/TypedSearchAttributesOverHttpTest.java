package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.testsupport.HttpClients;
import dev.weft.testsupport.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link TypedSearchAttributesTest} with the client over HTTP against a real server (SQLite). */
@ExtendWith(HttpClients.OnSqlite.class)
class TypedSearchAttributesOverHttpTest extends TypedSearchAttributesTest {
  private static final String NO_TYPES =
      "wire gap: describe's searchAttributes carry no types, so a DATETIME comes back as its"
          + " RFC 3339 string, not an Instant";

  @Override
  @Test
  @Disabled(NO_TYPES)
  void typedUpsertsAreFoundByContainsAndRemovedWithoutNulls(@TempDir Path dir) {}

  @Override
  @Test
  @Disabled(NO_TYPES)
  void typedAttributesGivenAtStartAreListedAndDescribed(@TempDir Path dir) {}

  @Override
  @Test
  @Disabled(NO_TYPES)
  void datetimesMayBeRfc3339Strings(@TempDir Path dir) {}

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
