package dev.weft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.auth.ApiToken;
import dev.weft.server.http.ApiJson;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** How {@code weft token} prints tokens: an aligned table, or the API's JSON shapes. */
enum TokenOutput {
  TABLE,
  JSON;

  private static final List<String> HEADER =
      List.of("TOKEN ID", "NAME", "ROLE", "NAMESPACES", "CREATED", "REVOKED");

  /** The token as the API shows it ({@code Token} in the OpenAPI document). */
  static ObjectNode json(ApiToken t) {
    ObjectNode node = ApiJson.MAPPER.createObjectNode();
    node.put("tokenId", t.tokenId());
    node.put("name", t.name());
    node.put("role", t.role().name());
    new TreeSet<>(t.namespaces()).forEach(node.putArray("namespaces")::add);
    node.put("createdAt", t.createdAt().toString());
    if (t.revokedAt() != null) {
      node.put("revokedAt", t.revokedAt().toString());
    }
    return node;
  }

  /** Pretty JSON text of a node. */
  static String text(ObjectNode node) {
    try {
      return ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows of a table of tokens, the header first, columns aligned. */
  static List<String> table(List<ApiToken> tokens) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (ApiToken t : tokens) {
      rows.add(
          List.of(
              t.tokenId(),
              t.name(),
              t.role().name(),
              String.join(",", new TreeSet<>(t.namespaces())),
              t.createdAt().toString(),
              t.revokedAt() == null ? "-" : t.revokedAt().toString()));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(i == row.size() - 1 ? cell : cell + " ".repeat(widths[i] + 2 - cell.length()));
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
