package dev.weft.assets.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.assets.partitions.PartitionsDefinitions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a partitions definition from the description the catalog keeps ({@code partitions} of a
 * node's definition JSON) with {@link PartitionsDefinitions#fromDescription}, for a node that does
 * not host the asset code (the API server) and checks partition keys before the hosting node plans:
 * static, integer-range and time-window definitions; empty for the others (dynamic, multi), whose
 * keys the hosting node checks when it plans.
 */
public final class CatalogPartitionsDefinitions {
  private static final ObjectMapper JSON = Json.mapper();

  // Dynamic keys (also a multi definition's dynamic dimension) live in the catalog, which a check
  // at PartitionsContext.at(now) does not read: those definitions are left to the hosting node.
  private static final Set<String> CHECKABLE = Set.of("static", "integer-range", "time-window");

  private CatalogPartitionsDefinitions() {}

  /** Returns the definition the description describes, when it can be rebuilt and checked here. */
  public static Optional<PartitionsDefinition> rebuild(JsonNode description) {
    if (description == null
        || !description.isObject()
        || !CHECKABLE.contains(description.path("type").asText())) {
      return Optional.empty();
    }
    Map<String, Object> fields = JSON.convertValue(description, new TypeReference<>() {});
    try {
      return Optional.of(PartitionsDefinitions.fromDescription(fields));
    } catch (IllegalArgumentException e) {
      // A description this version cannot read is left to the hosting node, which wrote it.
      return Optional.empty();
    }
  }
}
