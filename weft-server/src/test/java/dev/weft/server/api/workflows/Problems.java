package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.testsupport.ApiCalls.Answer;

/** Assertions on problem documents. */
final class Problems {
  private Problems() {}

  /** Asserts a problem document of {@code status} and type {@code slug}; returns it. */
  static Answer assertProblem(Answer a, int status, String slug) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.problemType()).as(a.body()).isEqualTo(slug);
    assertThat(a.json().path("detail").asText()).isNotBlank();
    return a;
  }

  /** Asserts a 400 {@code invalid-field} that names {@code field}. */
  static Answer assertBadField(Answer a, String field) {
    assertProblem(a, 400, "invalid-field");
    assertThat(a.json().path("field").asText()).as(a.body()).isEqualTo(field);
    return a;
  }
}
