package dev.weft.internal.engine;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.DynamicActivity;
import dev.weft.converter.EncodedValues;
import dev.weft.converter.Payload;
import dev.weft.engine.WorkerOptions;
import dev.weft.failure.InvalidDefinitionException;
import dev.weft.internal.codec.EncodedArguments;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.ActivityDefinition;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.definition.WorkflowImplementation;
import dev.weft.workflow.DynamicWorkflow;
import dev.weft.workflow.WorkflowInterface;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The workflow and activity implementations an engine serves on one task queue. */
public final class QueueRegistration {

  /** A registered workflow type. */
  public record WorkflowRegistration(WorkflowDefinition definition, Supplier<?> factory) {}

  /**
   * A registered activity type: the interface method and the object that implements it ({@code
   * DynamicActivity.execute} for the queue's dynamic activity).
   */
  public record ActivityRegistration(String type, Method method, Object implementation) {
    /** Decodes a call's input as the method's arguments. */
    public Object[] arguments(PayloadConverter payloads, Payload input) {
      if (implementation instanceof DynamicActivity
          && method.getDeclaringClass() == DynamicActivity.class) {
        return new Object[] {new EncodedArguments(payloads, input)};
      }
      return payloads.decodeArguments(input, method.getGenericParameterTypes());
    }
  }

  private static final Method DYNAMIC_ACTIVITY_METHOD;

  static {
    try {
      DYNAMIC_ACTIVITY_METHOD = DynamicActivity.class.getMethod("execute", EncodedValues.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private final String taskQueue;
  private final WorkerOptions options;
  private final Map<String, WorkflowRegistration> workflows = new LinkedHashMap<>();
  private final Map<String, ActivityRegistration> activities = new LinkedHashMap<>();
  private WorkflowRegistration dynamicWorkflow;
  private ActivityRegistration dynamicActivity;
  private volatile boolean frozen;

  QueueRegistration(String taskQueue, WorkerOptions options) {
    this.taskQueue = taskQueue;
    this.options = options;
  }

  public String taskQueue() {
    return taskQueue;
  }

  public WorkerOptions options() {
    return options;
  }

  /** Registers a workflow implementation factory under the interface's type name. */
  public synchronized void registerWorkflow(Class<?> iface, Supplier<?> factory) {
    requireOpen();
    WorkflowDefinition definition = WorkflowDefinition.of(iface);
    if (definition.isDynamic()) {
      if (dynamicWorkflow != null) {
        throw new InvalidDefinitionException(
            iface, "a DynamicWorkflow is registered already on task queue '" + taskQueue + "'");
      }
      dynamicWorkflow = new WorkflowRegistration(definition, factory);
      return;
    }
    if (workflows.containsKey(definition.type())) {
      throw new InvalidDefinitionException(
          iface,
          "workflow type '"
              + definition.type()
              + "' is registered already on task queue '"
              + taskQueue
              + "'");
    }
    workflows.put(definition.type(), new WorkflowRegistration(definition, factory));
  }

  /**
   * Registers an implementation class for every {@code @WorkflowInterface} it implements; its
   * objects are made with its {@code @WorkflowInit} constructor or its no-argument constructor.
   */
  public synchronized void registerWorkflowImplementation(Class<?> type) {
    requireOpen();
    Map<Class<?>, Supplier<Object>> factories = new LinkedHashMap<>();
    for (Class<?> iface : allInterfaces(type)) {
      if (iface == DynamicWorkflow.class) {
        if (dynamicWorkflow != null) {
          throw new InvalidDefinitionException(
              type, "a DynamicWorkflow is registered already on task queue '" + taskQueue + "'");
        }
        factories.put(iface, WorkflowImplementation.factory(type, WorkflowDefinition.dynamic()));
      } else if (iface.isAnnotationPresent(WorkflowInterface.class)) {
        WorkflowDefinition definition = WorkflowDefinition.of(iface);
        factories.put(iface, WorkflowImplementation.factory(type, definition));
        if (workflows.containsKey(definition.type())) {
          throw new InvalidDefinitionException(
              type,
              "workflow type '"
                  + definition.type()
                  + "' is registered already on task queue '"
                  + taskQueue
                  + "'");
        }
      }
    }
    if (factories.isEmpty()) {
      throw new InvalidDefinitionException(
          type,
          "implements no @WorkflowInterface and not DynamicWorkflow; a workflow implementation"
              + " needs one");
    }
    factories.forEach(this::registerWorkflow);
  }

  /** Registers every activity interface an object implements. */
  public synchronized void registerActivities(Object implementation) {
    requireOpen();
    Map<String, ActivityRegistration> found = new LinkedHashMap<>();
    for (Class<?> iface : allInterfaces(implementation.getClass())) {
      if (!iface.isAnnotationPresent(ActivityInterface.class)) {
        continue;
      }
      ActivityDefinition definition = ActivityDefinition.of(iface);
      for (Map.Entry<String, Method> e : definition.methods().entrySet()) {
        if (activities.containsKey(e.getKey()) || found.containsKey(e.getKey())) {
          throw new InvalidDefinitionException(
              implementation.getClass(),
              "activity type '"
                  + e.getKey()
                  + "' is registered already on task queue '"
                  + taskQueue
                  + "'");
        }
        found.put(e.getKey(), new ActivityRegistration(e.getKey(), e.getValue(), implementation));
      }
    }
    boolean dynamic = implementation instanceof DynamicActivity;
    if (dynamic && dynamicActivity != null) {
      throw new InvalidDefinitionException(
          implementation.getClass(),
          "a DynamicActivity is registered already on task queue '" + taskQueue + "'");
    }
    if (found.isEmpty() && !dynamic) {
      throw new InvalidDefinitionException(
          implementation.getClass(),
          "implements no interface annotated @ActivityInterface and not DynamicActivity");
    }
    activities.putAll(found);
    if (dynamic) {
      dynamicActivity =
          new ActivityRegistration("DynamicActivity", DYNAMIC_ACTIVITY_METHOD, implementation);
    }
  }

  private static Set<Class<?>> allInterfaces(Class<?> type) {
    Set<Class<?>> out = new java.util.LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        collect(i, out);
      }
    }
    return out;
  }

  private static void collect(Class<?> iface, Set<Class<?>> out) {
    if (out.add(iface)) {
      for (Class<?> parent : iface.getInterfaces()) {
        collect(parent, out);
      }
    }
  }

  void freeze() {
    frozen = true;
  }

  private void requireOpen() {
    if (frozen) {
      throw new IllegalStateException(
          "register workflows and activities before WeftEngine.start() (task queue '"
              + taskQueue
              + "')");
    }
  }

  /** Returns the registration of a workflow type: its own, else the dynamic one, else null. */
  public WorkflowRegistration workflow(String type) {
    WorkflowRegistration registered = workflows.get(type);
    return registered != null ? registered : dynamicWorkflow;
  }

  /** Returns the registration of an activity type: its own, else the dynamic one, else null. */
  public ActivityRegistration activity(String type) {
    ActivityRegistration registered = activities.get(type);
    return registered != null ? registered : dynamicActivity;
  }

  public Set<String> workflowTypes() {
    return workflows.keySet();
  }

  public Set<String> activityTypes() {
    return activities.keySet();
  }

  /**
   * Returns the activity types this queue's pollers claim: the registered ones, or every type
   * (empty) when a dynamic activity serves any type. Other types stay in the queue for a worker
   * that knows them (a remote worker over HTTP, another node).
   */
  public Set<String> claimedActivityTypes() {
    return dynamicActivity != null ? Set.of() : Set.copyOf(activities.keySet());
  }

  public boolean hasWorkflows() {
    return !workflows.isEmpty() || dynamicWorkflow != null;
  }

  public boolean hasActivities() {
    return !activities.isEmpty() || dynamicActivity != null;
  }
}
