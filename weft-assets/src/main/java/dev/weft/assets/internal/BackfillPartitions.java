package dev.weft.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.assets.AssetKey;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The partitions of a backfill as its row keeps them (JSON): {@code {"from","to"}}, {@code
 * {"keys":[...]}}, or for a retry of ranged chunks {@code {"ranges":[{"from","to"}...]}}; each form
 * is a list of {@link PartitionSelection}s whose union the backfill runs.
 */
public final class BackfillPartitions {
  private static final ObjectMapper JSON = Json.mapper();

  private BackfillPartitions() {}

  /** Returns the JSON of the selections (one range, one key list, or several ranges). */
  public static String toJson(List<PartitionSelection> selections) {
    ObjectNode out = JSON.createObjectNode();
    if (selections.size() == 1) {
      write(out, selections.get(0));
    } else {
      ArrayNode ranges = out.putArray("ranges");
      selections.forEach(s -> write(ranges.addObject(), s));
    }
    return out.toString();
  }

  private static void write(ObjectNode out, PartitionSelection s) {
    if (s.keys().isEmpty()) {
      out.put("from", s.first()).put("to", s.last());
    } else {
      ArrayNode keys = out.putArray("keys");
      s.keys().forEach(keys::add);
    }
  }

  /**
   * Parses the JSON {@link #toJson} wrote, or a request's {@code partitions} object.
   *
   * @throws IllegalArgumentException naming the field when it is neither a range nor keys
   */
  public static List<PartitionSelection> parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          "partitions is "
              + node
              + ": expected {\"from\": KEY, \"to\": KEY} or {\"keys\": [KEY...]}");
    }
    if (node.has("ranges")) {
      List<PartitionSelection> out = new ArrayList<>();
      node.get("ranges").forEach(r -> out.add(one(r)));
      if (out.isEmpty()) {
        throw new IllegalArgumentException("partitions.ranges is empty: expected at least one");
      }
      return out;
    }
    return List.of(one(node));
  }

  /** Parses the JSON {@link #toJson} wrote. */
  public static List<PartitionSelection> parse(String json) {
    try {
      return parse(JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("partitions is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static PartitionSelection one(JsonNode node) {
    JsonNode keys = node.get("keys");
    if (keys != null && !keys.isNull()) {
      if (!keys.isArray() || keys.isEmpty()) {
        throw new IllegalArgumentException(
            "partitions.keys is " + keys + ": expected a non-empty array of partition keys");
      }
      List<String> list = new ArrayList<>();
      keys.forEach(k -> list.add(k.asText()));
      return PartitionSelection.keys(list);
    }
    JsonNode from = node.get("from");
    JsonNode to = node.get("to");
    if (from == null || !from.isTextual() || to == null || !to.isTextual()) {
      throw new IllegalArgumentException(
          "partitions is "
              + node
              + ": expected {\"from\": KEY, \"to\": KEY} or {\"keys\": [KEY...]}");
    }
    return PartitionSelection.range(from.asText(), to.asText());
  }

  /**
   * Returns the indexes of the selections' union in {@code def}, never empty.
   *
   * @throws dev.weft.assets.partitions.PartitionKeyException naming asset, key and definition when
   *     a key is outside the definition or a range holds no partition
   */
  public static IndexRangeSet resolve(
      AssetKey asset,
      PartitionsDefinition def,
      List<PartitionSelection> selections,
      PartitionsContext ctx) {
    IndexRangeSet out = IndexRangeSet.empty();
    for (PartitionSelection s : selections) {
      out = out.union(PartitionPlanner.resolve(asset, def, s, ctx));
    }
    return out;
  }
}
