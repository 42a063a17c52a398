package dev.weft.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal the API answers with an {@code application/problem+json} document (RFC 9457): the HTTP
 * status, a stable {@code type} that clients may switch on, a short title, a detail that names the
 * problem, and where there is one the offending field and its value. Extension members (RFC 9457
 * section 3.2) carry the identifiers of the refusal ({@code workflowId}, {@code runId}, {@code
 * taskQueue}...) so that a client need not parse the detail.
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
  private final Map<String, Object> members;

  private ApiProblem(
      int status,
      String slug,
      String title,
      String detail,
      String field,
      Object value,
      Map<String, Object> members) {
    super(detail);
    this.status = status;
    this.slug = Objects.requireNonNull(slug, "slug");
    this.title = Objects.requireNonNull(title, "title");
    this.field = field;
    this.value = value;
    this.members = members;
  }

  private ApiProblem(
      int status, String slug, String title, String detail, String field, Object value) {
    this(status, slug, title, detail, field, value, Map.of());
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
    return new ApiProblem(status, slug, title, getMessage(), field, value, members);
  }

  /**
   * A copy with an extension member (a null value is left out). The names are the JSON names of the
   * API ({@code workflowId}, {@code runId}); the standard members and {@code field}/{@code value}
   * cannot be replaced.
   *
   * @throws IllegalArgumentException if {@code name} is a standard member
   */
  public ApiProblem with(String name, Object memberValue) {
    if (STANDARD.contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is a standard problem member");
    }
    if (memberValue == null) {
      return this;
    }
    Map<String, Object> more = new LinkedHashMap<>(members);
    more.put(name, memberValue);
    return new ApiProblem(status, slug, title, getMessage(), field, value, Map.copyOf(more));
  }

  private static final java.util.Set<String> STANDARD =
      java.util.Set.of("type", "title", "status", "detail", "instance", "field", "value");

  /** The extension members, by name (unordered; empty when there are none). */
  public Map<String, Object> members() {
    return members;
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
