package dev.weft.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Store URLs in both forms, and that no message or string shows a password. */
class PostgresUrlTest {

  @Test
  void aPostgresUrlBecomesAJdbcUrlWithTheCredentialsApart() {
    PostgresUrl url =
        PostgresUrl.parse("postgres://weft:p%40ss@db.example:6543/weft?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/weft?sslmode=require");
    assertThat(url.user()).isEqualTo("weft");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.toString()).doesNotContain("p@ss").contains("user weft");
  }

  @Test
  void aJdbcUrlIsKeptAndItsPasswordMasked() {
    PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://h/db?user=u&password=secret&ssl=true");
    assertThat(url.jdbcUrl()).contains("password=secret");
    assertThat(url.toString()).isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
  }

  @Test
  void messagesQuotingThePasswordAreMasked() {
    PostgresUrl url = PostgresUrl.parse("postgres://weft:hunter2@h/db");
    assertThat(
            url.redactMessage("FATAL: password hunter2 rejected for postgres://weft:hunter2@h/db"))
        .isEqualTo("FATAL: password *** rejected for postgres://weft:***@h/db");
  }
}
