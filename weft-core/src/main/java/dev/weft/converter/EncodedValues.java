package dev.weft.converter;

import java.lang.reflect.Type;

/**
 * The arguments of a call whose parameter types the receiver decides: a dynamic workflow, activity
 * or handler reads each argument as the type it expects. Values are decoded with the engine's data
 * converter on each call of {@link #get}.
 *
 * <pre>{@code
 * public Object execute(EncodedValues args) {
 *   String customer = args.get(0, String.class);
 *   List<Item> items = args.get(1, List.class, new TypeReference<List<Item>>() {}.getType());
 * }
 * }</pre>
 */
public interface EncodedValues {

  /**
   * Returns how many values there are.
   *
   * @throws dev.weft.failure.DataConverterException if the data converter cannot count them
   */
  int getSize();

  /** Returns whether there are no values. */
  default boolean isEmpty() {
    return getSize() == 0;
  }

  /**
   * Returns value {@code index} (from 0) as {@code type}; {@code null} (or zero for a primitive
   * type) when there are fewer values.
   *
   * @throws dev.weft.failure.DataConverterException if the value does not fit the type
   */
  <T> T get(int index, Class<T> type);

  /** Like {@link #get(int, Class)}, for a generic type such as {@code List<Item>}. */
  <T> T get(int index, Class<T> type, Type genericType);
}
