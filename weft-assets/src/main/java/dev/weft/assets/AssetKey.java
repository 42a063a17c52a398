package dev.weft.assets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The name of an asset: a path of segments, written {@code chain/raw_blocks}. Each segment is
 * {@code [A-Za-z0-9_]+}; the path is what the catalog, the selection syntax, the HTTP API and the
 * CLI use.
 *
 * <pre>{@code
 * AssetKey key = AssetKey.of("chain/raw_blocks");
 * key.segments(); // [chain, raw_blocks]
 * key.path();     // "chain/raw_blocks"
 * }</pre>
 *
 * @param segments the path's segments, at least one
 */
public record AssetKey(List<String> segments) implements Comparable<AssetKey> {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_]+");

  /**
   * Validates the segments.
   *
   * @throws IllegalArgumentException naming the bad segment and its position when a segment is
   *     empty or holds a character outside {@code [A-Za-z0-9_]}, or when there is no segment
   */
  public AssetKey {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("an asset key needs at least one segment");
    }
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (!SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "asset key '"
                + String.join("/", segments)
                + "': segment "
                + (i + 1)
                + " '"
                + segment
                + "' must match [A-Za-z0-9_]+");
      }
    }
  }

  /**
   * Parses a path such as {@code chain/raw_blocks}.
   *
   * @throws IllegalArgumentException naming the bad segment (see the constructor)
   */
  public static AssetKey of(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("an asset key must not be empty, was '" + path + "'");
    }
    return new AssetKey(List.of(path.split("/", -1)));
  }

  /** Returns the key whose segments are these. */
  public static AssetKey of(String first, String... more) {
    String[] all = new String[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return new AssetKey(List.of(all));
  }

  /** Returns the path, segments joined by {@code /}. */
  public String path() {
    return String.join("/", segments);
  }

  /** Returns the last segment, the asset's short name. */
  public String name() {
    return segments.get(segments.size() - 1);
  }

  /** Returns the path (the form {@link #of(String)} reads). */
  @Override
  public String toString() {
    return path();
  }

  /** Orders keys by path. */
  @Override
  public int compareTo(AssetKey other) {
    return path().compareTo(other.path());
  }
}
