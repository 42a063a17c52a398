package dev.weft.assets.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reads the value an annotation names: a field or a no-argument method (static or not, public or
 * not) of the annotated object's class, for example {@code @Asset(partitions = "DAILY")}.
 */
final class NamedMembers {
  private final Object instance;

  NamedMembers(Object instance) {
    this.instance = instance;
  }

  /**
   * Returns the value of the member {@code name}.
   *
   * @throws IllegalArgumentException naming the member, the class and what was expected
   */
  <T> T value(String where, String attribute, String name, Class<T> type) {
    Class<?> owner = instance.getClass();
    for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          return cast(where, attribute, name, type, read(f));
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 0) {
          return cast(where, attribute, name, type, call(where, m));
        }
      }
    }
    throw new IllegalArgumentException(
        where
            + ": "
            + attribute
            + " = \""
            + name
            + "\" names no field or no-argument method of "
            + owner.getName()
            + " (expected one giving a "
            + type.getSimpleName()
            + ")");
  }

  private Object read(Field f) {
    try {
      f.setAccessible(true);
      return f.get(Modifier.isStatic(f.getModifiers()) ? null : instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + f, e);
    }
  }

  private Object call(String where, Method m) {
    try {
      m.setAccessible(true);
      return m.invoke(Modifier.isStatic(m.getModifiers()) ? null : instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + m, e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(where + ": " + m.getName() + "() failed", e.getCause());
    }
  }

  private static <T> T cast(
      String where, String attribute, String name, Class<T> type, Object value) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          where
              + ": "
              + attribute
              + " = \""
              + name
              + "\" gives "
              + (value == null ? "null" : value.getClass().getName())
              + ", expected a "
              + type.getSimpleName());
    }
    return type.cast(value);
  }
}
