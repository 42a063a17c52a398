package dev.weft.internal.runtime;

import dev.weft.common.SearchAttributeType;
import dev.weft.history.IndexedValue;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and converts the search attribute values workflow code upserts. */
public interface SearchAttributeIndexer {

  /**
   * Converts values to recorded values.
   *
   * @throws IllegalArgumentException naming an unknown attribute or a value that does not fit
   */
  Map<String, IndexedValue> index(Map<String, ?> values, String where);

  /** Checks that attributes can be removed (they are known). */
  void checkRemovable(Collection<String> names, String where);

  /**
   * Checks that a typed key's type is the one its attribute is registered with.
   *
   * @throws IllegalArgumentException naming the attribute and both types
   */
  default void checkType(String name, SearchAttributeType type, String where) {}

  /**
   * For runners that only replay: types come from the values' Java classes (the recorded commands
   * are compared by kind, not by value).
   */
  SearchAttributeIndexer BY_JAVA_TYPE =
      new SearchAttributeIndexer() {
        @Override
        public Map<String, IndexedValue> index(Map<String, ?> values, String where) {
          Map<String, IndexedValue> result = new LinkedHashMap<>();
          values.forEach(
              (name, value) -> {
                if (value instanceof List<?> list) {
                  result.put(
                      name,
                      IndexedValue.ofKeywordList(list.stream().map(String::valueOf).toList()));
                  return;
                }
                SearchAttributeType type =
                    switch (value) {
                      case Integer i -> SearchAttributeType.INT;
                      case Long l -> SearchAttributeType.INT;
                      case Number n -> SearchAttributeType.DOUBLE;
                      case Boolean b -> SearchAttributeType.BOOL;
                      case Instant t -> SearchAttributeType.DATETIME;
                      default -> SearchAttributeType.KEYWORD;
                    };
                result.put(name, new IndexedValue(type, String.valueOf(value)));
              });
          return result;
        }

        @Override
        public void checkRemovable(Collection<String> names, String where) {}
      };
}
