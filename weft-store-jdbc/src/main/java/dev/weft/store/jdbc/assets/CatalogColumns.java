package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How the catalog's list columns hold stale reasons and input data versions. */
final class CatalogColumns {
  private CatalogColumns() {}

  /** Null for no reason, so that {@code reasons IS NOT NULL} finds the stale rows. */
  static String reasons(List<StaleReason> reasons) {
    if (reasons.isEmpty()) {
      return null;
    }
    List<String> items = new ArrayList<>(reasons.size() * 4);
    for (StaleReason r : reasons) {
      items.add(r.kind().name());
      items.add(r.upstreamKey());
      items.add(r.rootCauseKey());
      items.add(r.detail());
    }
    return PackedStrings.pack(items);
  }

  static List<StaleReason> reasons(String column) {
    if (column == null) {
      return List.of();
    }
    List<String> items = PackedStrings.unpack(column);
    List<StaleReason> reasons = new ArrayList<>(items.size() / 4);
    for (int i = 0; i + 3 < items.size(); i += 4) {
      reasons.add(
          new StaleReason(
              StaleReasonKind.valueOf(items.get(i)),
              items.get(i + 1),
              items.get(i + 2),
              items.get(i + 3)));
    }
    return Collections.unmodifiableList(reasons);
  }

  static String inputs(Map<String, String> inputs) {
    List<String> items = new ArrayList<>(inputs.size() * 2);
    inputs.forEach(
        (key, version) -> {
          items.add(key);
          items.add(version);
        });
    return PackedStrings.pack(items);
  }

  static Map<String, String> inputs(String column) {
    List<String> items = PackedStrings.unpack(column);
    Map<String, String> inputs = new TreeMap<>();
    for (int i = 0; i + 1 < items.size(); i += 2) {
      inputs.put(items.get(i), items.get(i + 1));
    }
    return inputs;
  }
}
