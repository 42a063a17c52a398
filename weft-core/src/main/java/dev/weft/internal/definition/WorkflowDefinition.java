package dev.weft.internal.definition;

import dev.weft.failure.InvalidDefinitionException;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A validated workflow interface: its type name, workflow method, signal and query methods.
 *
 * @param iface the interface
 * @param type the workflow type name
 * @param workflowMethod the method that runs the workflow
 * @param signals signal name to method
 * @param queries query name to method
 */
public record WorkflowDefinition(
    Class<?> iface,
    String type,
    Method workflowMethod,
    Map<String, Method> signals,
    Map<String, Method> queries) {

  private static final Map<Class<?>, WorkflowDefinition> CACHE = new ConcurrentHashMap<>();

  /**
   * Returns the definition of a workflow interface.
   *
   * @throws InvalidDefinitionException naming the interface and the problem
   */
  public static WorkflowDefinition of(Class<?> iface) {
    WorkflowDefinition cached = CACHE.get(iface);
    if (cached != null) {
      return cached;
    }
    WorkflowDefinition parsed = parse(iface);
    CACHE.put(iface, parsed);
    return parsed;
  }

  private static WorkflowDefinition parse(Class<?> iface) {
    if (!iface.isInterface()) {
      throw new InvalidDefinitionException(
          iface, "a workflow type must be an interface annotated @WorkflowInterface");
    }
    if (!iface.isAnnotationPresent(WorkflowInterface.class)) {
      throw new InvalidDefinitionException(iface, "is not annotated @WorkflowInterface");
    }
    Method workflowMethod = null;
    String type = null;
    Map<String, Method> signals = new LinkedHashMap<>();
    Map<String, Method> queries = new LinkedHashMap<>();
    for (Method m : iface.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
        continue;
      }
      WorkflowMethod wm = m.getAnnotation(WorkflowMethod.class);
      SignalMethod sm = m.getAnnotation(SignalMethod.class);
      QueryMethod qm = m.getAnnotation(QueryMethod.class);
      int marks = (wm != null ? 1 : 0) + (sm != null ? 1 : 0) + (qm != null ? 1 : 0);
      if (marks == 0) {
        throw new InvalidDefinitionException(
            iface,
            "method "
                + m.getName()
                + " has none of @WorkflowMethod, @SignalMethod, @QueryMethod; every abstract"
                + " method of a workflow interface needs one");
      }
      if (marks > 1) {
        throw new InvalidDefinitionException(
            iface, "method " + m.getName() + " has more than one Weft method annotation");
      }
      if (wm != null) {
        if (workflowMethod != null) {
          throw new InvalidDefinitionException(
              iface,
              "has two @WorkflowMethod methods ("
                  + workflowMethod.getName()
                  + ", "
                  + m.getName()
                  + "); a workflow interface has exactly one");
        }
        workflowMethod = m;
        type = wm.name().isEmpty() ? iface.getSimpleName() : wm.name();
      } else if (sm != null) {
        if (m.getReturnType() != void.class) {
          throw new InvalidDefinitionException(
              iface, "@SignalMethod " + m.getName() + " must return void");
        }
        put(iface, signals, sm.name().isEmpty() ? m.getName() : sm.name(), m, "signal");
      } else {
        if (m.getReturnType() == void.class) {
          throw new InvalidDefinitionException(
              iface, "@QueryMethod " + m.getName() + " must return a value");
        }
        put(iface, queries, qm.name().isEmpty() ? m.getName() : qm.name(), m, "query");
      }
    }
    if (workflowMethod == null) {
      throw new InvalidDefinitionException(
          iface, "has no @WorkflowMethod; a workflow interface needs exactly one");
    }
    return new WorkflowDefinition(
        iface,
        type,
        workflowMethod,
        Collections.unmodifiableMap(signals),
        Collections.unmodifiableMap(queries));
  }

  private static void put(
      Class<?> iface, Map<String, Method> map, String name, Method m, String kind) {
    if (map.putIfAbsent(name, m) != null) {
      throw new InvalidDefinitionException(
          iface, "two methods define the " + kind + " '" + name + "'");
    }
    m.setAccessible(true);
  }
}
