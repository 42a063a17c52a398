package dev.weft.server.api.namespaces;

import dev.weft.engine.NamespaceDescription;
import java.util.List;

/**
 * The request and response bodies of the namespace routes, as the OpenAPI document's {@code
 * Namespace*} schemas describe them: durations are ISO-8601 text, times RFC 3339.
 */
final class NamespaceDocuments {
  private NamespaceDocuments() {}

  /** {@code NamespaceCreateRequest}. */
  record CreateRequest(String name, String description, String retention) {}

  /** {@code NamespaceUpdateRequest}. */
  record UpdateRequest(String description, String retention) {}

  /** {@code NamespaceDescription}. */
  record Description(
      String name, String description, String retention, String createTime, String updateTime) {
    static Description of(NamespaceDescription d) {
      return new Description(
          d.name(),
          d.description(),
          d.retention().toString(),
          d.createTime().toString(),
          d.updateTime().toString());
    }
  }

  /** {@code NamespaceList}. */
  record NamespaceList(List<Description> namespaces) {}
}
