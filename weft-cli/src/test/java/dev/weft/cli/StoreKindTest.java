package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Store kinds by name, and the errors for names that are not kinds. */
class StoreKindTest {

  @Test
  void kindsAreReadByTheirNamesInAnyCase() {
    assertThat(StoreKind.parse("sqlite")).isEqualTo(StoreKind.SQLITE);
    assertThat(StoreKind.parse("SQLite")).isEqualTo(StoreKind.SQLITE);
    assertThat(StoreKind.parse("postgres")).isEqualTo(StoreKind.POSTGRES);
    assertThat(StoreKind.parse("PostgreSQL")).isEqualTo(StoreKind.POSTGRES);
    assertThat(StoreKind.POSTGRES).hasToString("postgres");
    assertThat(StoreKind.ids()).isEqualTo("sqlite, postgres");
  }

  @Test
  void anUnknownKindIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> StoreKind.parse("mysql"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown store kind 'mysql': expected one of sqlite, postgres");
    assertThatThrownBy(() -> StoreKind.parse(null))
        .hasMessage("unknown store kind null: expected one of sqlite, postgres");
  }

  @Test
  void aLocationIsToldItIsNotAKindWithoutShowingItsPassword() {
    assertThatThrownBy(() -> StoreKind.parse("postgres://weft:secret@db/weft"))
        .hasMessage(
            "unknown store kind 'postgres://weft:***@db/weft': expected one of sqlite, postgres"
                + " (a kind of store, not the location of one such as a file path or a URL)");
    assertThatThrownBy(() -> StoreKind.parse("weft.db"))
        .hasMessageContaining("'weft.db'")
        .hasMessageContaining("not the location of one");
  }

  @Test
  void aLocationsKindIsOneOfThem() {
    assertThat(StoreLocation.parse("weft.db").kind()).isEqualTo(StoreKind.SQLITE);
    assertThat(StoreLocation.parse("postgres://db/weft").kind()).isEqualTo(StoreKind.POSTGRES);
  }
}
