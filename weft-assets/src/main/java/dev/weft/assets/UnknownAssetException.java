package dev.weft.assets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A key names no asset of the graph: the message names each unknown key and, where one is close,
 * the key that was probably meant ({@code unknown asset chain/raw_block (did you mean
 * chain/raw_blocks?)}).
 */
public final class UnknownAssetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<AssetKey> keys;

  private UnknownAssetException(String message, List<AssetKey> keys) {
    super(message);
    this.keys = List.copyOf(keys);
  }

  /** Returns the exception for these unknown keys, suggesting close keys among {@code known}. */
  public static UnknownAssetException of(List<AssetKey> unknown, Collection<AssetKey> known) {
    List<String> parts = new ArrayList<>();
    for (AssetKey key : unknown) {
      String part = key.path();
      AssetKey close = closest(key, known);
      if (close != null) {
        part += " (did you mean " + close.path() + "?)";
      }
      parts.add(part);
    }
    String noun = unknown.size() == 1 ? "unknown asset " : "unknown assets ";
    return new UnknownAssetException(
        noun + parts.stream().collect(Collectors.joining(", ")), unknown);
  }

  /**
   * Returns the exception again from its message (as a materialization workflow's failure carries
   * it to the workflow that asked): the keys are the message's items up to their first space.
   */
  static UnknownAssetException fromMessage(String message) {
    String items = message.replaceFirst("^unknown assets? ", "");
    List<AssetKey> keys = new ArrayList<>();
    for (String item : items.split(", ")) {
      String key = item.contains(" ") ? item.substring(0, item.indexOf(' ')) : item;
      if (!key.isEmpty()) {
        keys.add(AssetKey.of(key));
      }
    }
    return new UnknownAssetException(message, keys);
  }

  /** Returns the unknown keys. */
  public List<AssetKey> keys() {
    return keys;
  }

  private static AssetKey closest(AssetKey key, Collection<AssetKey> known) {
    AssetKey best = null;
    int bestDistance = Integer.MAX_VALUE;
    String path = key.path();
    for (AssetKey k : known) {
      int d = distance(path, k.path());
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        best = k;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance > Math.max(2, path.length() / 3)) {
      AssetKey byName =
          known.stream().filter(k -> k.name().equals(key.name())).findFirst().orElse(null);
      return byName;
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
