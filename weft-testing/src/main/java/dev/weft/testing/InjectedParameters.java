package dev.weft.testing;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import dev.weft.workflow.WorkflowInterface;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * What {@link WeftExtension} injects into a test's constructor or method parameters, by the
 * parameter's type: the environment, its client and engine, the default queue's worker, workflow
 * options on the default queue, a new typed workflow stub for a {@code @WorkflowInterface}, and the
 * registered activity object that is an instance of the type.
 */
final class InjectedParameters {
  private InjectedParameters() {}

  /** Whether {@code type} is something the extension injects for this test. */
  static boolean supports(Class<?> type, TestResources test) {
    return isFixed(type)
        || type.isAnnotationPresent(WorkflowInterface.class)
        || test.activities().stream().anyMatch(type::isInstance);
  }

  /** Whether {@code type} is injected without knowing the test's registrations. */
  static boolean isFixed(Class<?> type) {
    return type == WeftTestEnvironment.class
        || type == WeftClient.class
        || type == WeftEngine.class
        || type == Worker.class
        || type == WorkflowOptions.class;
  }

  /**
   * Returns the value for a parameter of {@code type}.
   *
   * @throws ParameterResolutionException if several registered activity objects fit the type
   */
  static Object resolve(Class<?> type, TestResources test) {
    WeftTestEnvironment env = test.env();
    if (type == WeftTestEnvironment.class) {
      return env;
    }
    if (type == WeftClient.class) {
      return env.client();
    }
    if (type == WeftEngine.class) {
      return env.engine();
    }
    if (type == Worker.class) {
      return test.defaultWorker();
    }
    if (type == WorkflowOptions.class) {
      return options(test);
    }
    if (type.isAnnotationPresent(WorkflowInterface.class)) {
      return env.client().newWorkflowStub(type, options(test));
    }
    return activity(type, test);
  }

  /** Options on the default queue with a fresh workflow ID. */
  private static WorkflowOptions options(TestResources test) {
    return WorkflowOptions.newBuilder()
        .taskQueue(test.defaultQueue())
        .workflowId(UUID.randomUUID().toString())
        .build();
  }

  private static Object activity(Class<?> type, TestResources test) {
    List<Object> fitting = test.activities().stream().filter(type::isInstance).toList();
    if (fitting.size() != 1) {
      throw new ParameterResolutionException(
          "a parameter of type "
              + type.getName()
              + " fits "
              + fitting.size()
              + " registered activity objects ("
              + fitting.stream().map(a -> a.getClass().getName()).collect(Collectors.joining(", "))
              + "); declare the parameter with the implementation class to pick one");
    }
    return fitting.get(0);
  }
}
