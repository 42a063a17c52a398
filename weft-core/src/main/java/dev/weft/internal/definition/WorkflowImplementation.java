package dev.weft.internal.definition;

import dev.weft.failure.InvalidDefinitionException;
import dev.weft.workflow.WorkflowInit;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Makes workflow objects of an implementation class: with its {@link WorkflowInit} constructor,
 * which takes the workflow method's arguments, or with its public no-argument constructor.
 */
public final class WorkflowImplementation {
  private WorkflowImplementation() {}

  /**
   * A factory whose objects are made from the run's arguments: the engine calls {@link
   * #newInstance}, never {@link #get()}.
   */
  public static final class InitConstructor implements Supplier<Object> {
    private final Constructor<?> constructor;

    private InitConstructor(Constructor<?> constructor) {
      this.constructor = constructor;
    }

    /** Makes the workflow object from the workflow method's arguments. */
    public Object newInstance(Object[] args) {
      return construct(constructor, args);
    }

    @Override
    public Object get() {
      throw new IllegalStateException(
          constructor.getDeclaringClass().getName()
              + " is made from the workflow's arguments by its @WorkflowInit constructor");
    }
  }

  /**
   * Returns the factory of {@code type}'s objects as the implementation of {@code definition}.
   *
   * @throws InvalidDefinitionException if the class cannot be made, or its {@link WorkflowInit}
   *     constructor breaks a rule
   */
  public static Supplier<Object> factory(Class<?> type, WorkflowDefinition definition) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new InvalidDefinitionException(
          type, "is abstract; a workflow implementation must be a concrete class");
    }
    Constructor<?> init = null;
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (!c.isAnnotationPresent(WorkflowInit.class)) {
        continue;
      }
      if (init != null) {
        throw new InvalidDefinitionException(
            type, "has two @WorkflowInit constructors; at most one may have it");
      }
      init = c;
    }
    if (init != null) {
      checkInit(type, init, definition.workflowMethod());
      return new InitConstructor(init);
    }
    Constructor<?> none;
    try {
      none = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new InvalidDefinitionException(
          type,
          "has neither a public no-argument constructor nor a @WorkflowInit constructor; the"
              + " engine makes one object per run with one of them");
    }
    return () -> construct(none, new Object[0]);
  }

  private static void checkInit(Class<?> type, Constructor<?> init, Method workflowMethod) {
    if (!Modifier.isPublic(init.getModifiers())) {
      throw new InvalidDefinitionException(
          type, "has a @WorkflowInit constructor that is not public");
    }
    Type[] expected = workflowMethod.getGenericParameterTypes();
    Type[] actual = init.getGenericParameterTypes();
    if (!Arrays.equals(expected, actual)) {
      throw new InvalidDefinitionException(
          type,
          "has a @WorkflowInit constructor with parameters "
              + names(actual)
              + ", but its workflow method "
              + workflowMethod.getDeclaringClass().getSimpleName()
              + "."
              + workflowMethod.getName()
              + " takes "
              + names(expected)
              + "; the constructor must take exactly the workflow method's parameters");
    }
  }

  private static String names(Type[] types) {
    return Arrays.stream(types)
        .map(Type::getTypeName)
        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }

  private static Object construct(Constructor<?> constructor, Object[] args) {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException("constructor " + constructor + " failed", e.getCause());
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot call constructor " + constructor, e);
    }
  }
}
