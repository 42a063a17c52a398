package dev.weft.store.assets;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One asset of a namespace's graph as the catalog keeps it ({@link RegisterAssetGraph}): enough for
 * staleness (kind, code version, upstream keys) and for catalog reads on nodes that do not host the
 * asset's code ({@code definitionJson}). The store does not interpret {@code definitionJson}.
 *
 * @param assetKey the asset's key, segments {@code [A-Za-z0-9_]+} joined by {@code /} ({@code
 *     chain/raw_blocks})
 * @param kind computed or observable source
 * @param codeVersion the version of its compute; null for none (then a code change cannot be told)
 * @param upstream the keys it reads or depends on, without duplicates and not itself; none for an
 *     observable source
 * @param group its group's name
 * @param definitionJson its description, owners, tags, metadata, IO manager and checks as JSON;
 *     null for none
 * @param location the code location (app) that defines it, like a Dagster code location: each
 *     location registers and replaces only its own assets ({@link RegisterAssetGraph} sets it)
 */
public record AssetNodeRecord(
    String assetKey,
    AssetKind kind,
    String codeVersion,
    List<String> upstream,
    String group,
    String definitionJson,
    String location) {

  /** The location of assets registered without one, and of rows older than locations. */
  public static final String DEFAULT_LOCATION = "default";

  /** A node of the {@link #DEFAULT_LOCATION}. */
  public AssetNodeRecord(
      String assetKey,
      AssetKind kind,
      String codeVersion,
      List<String> upstream,
      String group,
      String definitionJson) {
    this(assetKey, kind, codeVersion, upstream, group, definitionJson, DEFAULT_LOCATION);
  }

  /** Returns this node as defined by {@code otherLocation}. */
  public AssetNodeRecord inLocation(String otherLocation) {
    return otherLocation.equals(location)
        ? this
        : new AssetNodeRecord(
            assetKey, kind, codeVersion, upstream, group, definitionJson, otherLocation);
  }

  /**
   * Validates the node and copies its upstream keys.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if a key is malformed, the group, location or code version is
   *     blank, or an upstream key repeats or is the asset itself, or an observable source has
   *     upstream keys
   */
  public AssetNodeRecord {
    AssetFields.key("assetKey", assetKey);
    AssetFields.nonNull("kind", assetKey, kind);
    AssetFields.nullOrNotBlank("codeVersion", assetKey, codeVersion);
    AssetFields.nonNull("upstream", assetKey, upstream);
    upstream = List.copyOf(upstream);
    Set<String> seen = new HashSet<>();
    for (String up : upstream) {
      AssetFields.key("upstream key", assetKey, up);
      if (up.equals(assetKey)) {
        throw new IllegalArgumentException("asset " + assetKey + " lists itself as upstream");
      }
      if (!seen.add(up)) {
        throw new IllegalArgumentException(
            "asset " + assetKey + " lists upstream " + up + " twice");
      }
    }
    if (kind == AssetKind.OBSERVABLE_SOURCE && !upstream.isEmpty()) {
      throw new IllegalArgumentException(
          "observable source " + assetKey + " has upstream " + upstream + ": expected none");
    }
    AssetFields.notBlank("group", assetKey, group);
    AssetFields.notBlank("location", assetKey, location);
  }
}
