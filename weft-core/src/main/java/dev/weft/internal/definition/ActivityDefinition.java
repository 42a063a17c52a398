package dev.weft.internal.definition;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;
import dev.weft.failure.InvalidDefinitionException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A validated activity interface: activity type name to method.
 *
 * @param iface the interface
 * @param methods activity type name to method, in declaration order
 */
public record ActivityDefinition(Class<?> iface, Map<String, Method> methods) {
  private static final Map<Class<?>, ActivityDefinition> CACHE = new ConcurrentHashMap<>();

  /**
   * Returns the definition of an activity interface.
   *
   * @throws InvalidDefinitionException naming the interface and the problem
   */
  public static ActivityDefinition of(Class<?> iface) {
    ActivityDefinition cached = CACHE.get(iface);
    if (cached != null) {
      return cached;
    }
    ActivityDefinition parsed = parse(iface);
    CACHE.put(iface, parsed);
    return parsed;
  }

  /** Returns the activity type name of one of its methods. */
  public String typeOf(Method method) {
    for (Map.Entry<String, Method> e : methods.entrySet()) {
      if (e.getValue().equals(method)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException(method + " is not an activity of " + iface.getName());
  }

  private static ActivityDefinition parse(Class<?> iface) {
    ActivityInterface annotation = iface.getAnnotation(ActivityInterface.class);
    if (!iface.isInterface() || annotation == null) {
      throw new InvalidDefinitionException(
          iface, "an activity type must be an interface annotated @ActivityInterface");
    }
    Map<String, Method> methods = new LinkedHashMap<>();
    for (Method m : iface.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
        continue;
      }
      ActivityMethod am = m.getAnnotation(ActivityMethod.class);
      String name =
          am != null && !am.name().isEmpty()
              ? am.name()
              : annotation.namePrefix() + capitalize(m.getName());
      if (methods.putIfAbsent(name, m) != null) {
        throw new InvalidDefinitionException(
            iface,
            "two methods define the activity type '" + name + "' (overloads are not allowed)");
      }
      m.setAccessible(true);
    }
    if (methods.isEmpty()) {
      throw new InvalidDefinitionException(iface, "declares no activity methods");
    }
    return new ActivityDefinition(iface, Collections.unmodifiableMap(methods));
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
