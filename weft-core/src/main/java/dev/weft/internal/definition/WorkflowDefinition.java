package dev.weft.internal.definition;

import dev.weft.converter.EncodedValues;
import dev.weft.failure.InvalidDefinitionException;
import dev.weft.workflow.DynamicWorkflow;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.UpdateMethod;
import dev.weft.workflow.UpdateValidatorMethod;
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
 * @param updates update name to method
 * @param validators update name to its validator method (updates without one are absent)
 */
public record WorkflowDefinition(
    Class<?> iface,
    String type,
    Method workflowMethod,
    Map<String, Method> signals,
    Map<String, Method> queries,
    Map<String, Method> updates,
    Map<String, Method> validators) {

  private static final Map<Class<?>, WorkflowDefinition> CACHE = new ConcurrentHashMap<>();

  /**
   * Returns the definition of a workflow interface.
   *
   * @throws InvalidDefinitionException naming the interface and the problem
   */
  public static WorkflowDefinition of(Class<?> iface) {
    if (iface == DynamicWorkflow.class) {
      return DYNAMIC;
    }
    WorkflowDefinition cached = CACHE.get(iface);
    if (cached != null) {
      return cached;
    }
    WorkflowDefinition parsed = parse(iface);
    CACHE.put(iface, parsed);
    return parsed;
  }

  private static final WorkflowDefinition DYNAMIC = dynamicDefinition();

  /**
   * Returns the definition of {@code DynamicWorkflow} implementations: no type of its own (its runs
   * have the types they were started with), {@code execute(EncodedValues)} as the workflow method,
   * and no declared signals, queries or updates.
   */
  public static WorkflowDefinition dynamic() {
    return DYNAMIC;
  }

  /** Returns whether this is the definition of {@code DynamicWorkflow} implementations. */
  public boolean isDynamic() {
    return iface == DynamicWorkflow.class;
  }

  private static WorkflowDefinition dynamicDefinition() {
    try {
      return new WorkflowDefinition(
          DynamicWorkflow.class,
          "DynamicWorkflow",
          DynamicWorkflow.class.getMethod("execute", EncodedValues.class),
          Map.of(),
          Map.of(),
          Map.of(),
          Map.of());
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
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
    Map<String, Method> updates = new LinkedHashMap<>();
    Map<String, Method> validators = new LinkedHashMap<>();
    for (Method m : iface.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
        continue;
      }
      WorkflowMethod wm = m.getAnnotation(WorkflowMethod.class);
      SignalMethod sm = m.getAnnotation(SignalMethod.class);
      QueryMethod qm = m.getAnnotation(QueryMethod.class);
      UpdateMethod um = m.getAnnotation(UpdateMethod.class);
      UpdateValidatorMethod vm = m.getAnnotation(UpdateValidatorMethod.class);
      int marks =
          (wm != null ? 1 : 0)
              + (sm != null ? 1 : 0)
              + (qm != null ? 1 : 0)
              + (um != null ? 1 : 0)
              + (vm != null ? 1 : 0);
      if (marks == 0) {
        throw new InvalidDefinitionException(
            iface,
            "method "
                + m.getName()
                + " has none of @WorkflowMethod, @SignalMethod, @QueryMethod, @UpdateMethod,"
                + " @UpdateValidatorMethod; every abstract method of a workflow interface needs"
                + " one");
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
      } else if (um != null) {
        put(iface, updates, um.name().isEmpty() ? m.getName() : um.name(), m, "update");
      } else if (vm != null) {
        if (m.getReturnType() != void.class) {
          throw new InvalidDefinitionException(
              iface, "@UpdateValidatorMethod " + m.getName() + " must return void");
        }
        put(iface, validators, vm.updateName(), m, "validator of update");
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
    for (Map.Entry<String, Method> v : validators.entrySet()) {
      Method update = updates.get(v.getKey());
      if (update == null) {
        throw new InvalidDefinitionException(
            iface,
            "@UpdateValidatorMethod "
                + v.getValue().getName()
                + " validates update '"
                + v.getKey()
                + "', which no @UpdateMethod defines; updates: "
                + updates.keySet());
      }
      if (!java.util.Arrays.equals(
          update.getGenericParameterTypes(), v.getValue().getGenericParameterTypes())) {
        throw new InvalidDefinitionException(
            iface,
            "@UpdateValidatorMethod "
                + v.getValue().getName()
                + " must take the same parameters as update method "
                + update.getName());
      }
    }
    return new WorkflowDefinition(
        iface,
        type,
        workflowMethod,
        Collections.unmodifiableMap(signals),
        Collections.unmodifiableMap(queries),
        Collections.unmodifiableMap(updates),
        Collections.unmodifiableMap(validators));
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
