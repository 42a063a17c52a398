package dev.weft.testing;

import dev.weft.engine.Worker;
import dev.weft.workflow.WorkflowInterface;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Registers a workflow implementation class the way Temporal's {@code
 * registerWorkflowImplementationTypes} does: under every {@code @WorkflowInterface} it implements,
 * one new object per run made by its public no-argument constructor.
 */
final class WorkflowImplementations {
  private WorkflowImplementations() {}

  /**
   * Checks {@code type} and returns a registration of it.
   *
   * @throws IllegalArgumentException if it is abstract, implements no {@code @WorkflowInterface},
   *     or has no public no-argument constructor
   */
  static Consumer<Worker> registration(Class<?> type) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(
          "registerWorkflowImplementationTypes takes implementation classes; "
              + type.getName()
              + " is abstract or an interface");
    }
    Set<Class<?>> interfaces = workflowInterfaces(type);
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException(
          type.getName() + " implements no interface annotated @WorkflowInterface");
    }
    Supplier<Object> factory = factory(type);
    return worker -> interfaces.forEach(i -> register(worker, i, factory));
  }

  @SuppressWarnings("unchecked")
  private static <W> void register(Worker worker, Class<W> iface, Supplier<Object> factory) {
    worker.registerWorkflow(iface, () -> (W) factory.get());
  }

  private static Set<Class<?>> workflowInterfaces(Class<?> type) {
    Set<Class<?>> found = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      todo.addAll(List.of(c.getInterfaces()));
    }
    while (!todo.isEmpty()) {
      Class<?> i = todo.pop();
      if (i.isAnnotationPresent(WorkflowInterface.class)) {
        found.add(i);
      }
      todo.addAll(List.of(i.getInterfaces()));
    }
    return found;
  }

  private static Supplier<Object> factory(Class<?> type) {
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          type.getName()
              + " has no public no-argument constructor; register it with a factory instead:"
              + " registerWorkflow(taskQueue, Interface.class, () -> new "
              + type.getSimpleName()
              + "(...))",
          e);
    }
    return () -> {
      try {
        return constructor.newInstance();
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException("constructor of " + type.getName() + " failed", e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make a " + type.getName(), e);
      }
    };
  }
}
