package dev.weft.server.http;

import java.util.Objects;

/**
 * A refusal the API answers with an {@code application/problem+json} document (RFC 9457): the HTTP
 * status, a stable {@code type} that clients may switch on, a short title, a detail that names the
 * problem, and where there is one the offending field and its value.
 *
 * <p>Throw it from a route; {@link ProblemResponses} renders it. Nothing that throws it may have
 * changed the store.
 */
public final class ApiProblem extends RuntimeException {
  /** The base of every problem type URI; the slug after it is stable. */
  public static final String TYPE_BASE = "https://weft.dev/problems/";

  private final int status;
  private final String slug;
  private final String title;
  private final String field;
  private final Object value;

  private ApiProblem(
      int status, String slug, String title, String detail, String field, Object value) {
    super(detail);
    this.status = status;
    this.slug = Objects.requireNonNull(slug, "slug");
    this.title = Objects.requireNonNull(title, "title");
    this.field = field;
    this.value = value;
  }

  /** A problem without a field. */
  public static ApiProblem of(int status, String slug, String title, String detail) {
    return new ApiProblem(status, slug, title, detail, null, null);
  }

  /**
   * A 400 that names the offending field (a JSON pointer-like path such as {@code
   * options.taskQueue}) and its value.
   */
  public static ApiProblem badField(String field, Object value, String detail) {
    return new ApiProblem(400, "invalid-field", "Invalid field", detail, field, value);
  }

  /** A 404 for a resource that does not exist. */
  public static ApiProblem notFound(String slug, String detail) {
    return new ApiProblem(404, slug, "Not found", detail, null, null);
  }

  /** A copy that names the offending field and value. */
  public ApiProblem withField(String field, Object value) {
    return new ApiProblem(status, slug, title, getMessage(), field, value);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable slug of the problem type, e.g. {@code workflow-not-found}. */
  public String slug() {
    return slug;
  }

  /** The full type URI. */
  public String type() {
    return TYPE_BASE + slug;
  }

  /** A short, fixed summary of the problem type. */
  public String title() {
    return title;
  }

  /** The offending field, or null. */
  public String field() {
    return field;
  }

  /** The offending value, or null. */
  public Object value() {
    return value;
  }
}
