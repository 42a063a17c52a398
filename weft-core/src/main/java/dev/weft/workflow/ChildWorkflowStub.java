package dev.weft.workflow;

import java.lang.reflect.Type;

/**
 * Starts a child workflow by type name, without its interface: for children implemented elsewhere
 * or chosen at run time. Made with {@link Workflow#newUntypedChildWorkflowStub}. As with Temporal's
 * stub of the same name, one stub starts one child: a second {@code execute} throws {@link
 * IllegalStateException}.
 *
 * <pre>{@code
 * ChildWorkflowStub child = Workflow.newUntypedChildWorkflowStub("GreetingChild",
 *     ChildWorkflowOptions.newBuilder().workflowId("greeting-" + name).build());
 * Promise<String> greeting = child.executeAsync(String.class, "Hello", name);
 * }</pre>
 */
public interface ChildWorkflowStub {

  /** The child's workflow type. */
  String getWorkflowType();

  /** The options the child starts with. */
  ChildWorkflowOptions getOptions();

  /**
   * Starts the child and waits for its result; a failed child throws {@code ChildWorkflowFailure}.
   */
  <R> R execute(Class<R> resultClass, Object... args);

  /** Starts the child and waits for its result of a generic type. */
  <R> R execute(Class<R> resultClass, Type resultType, Object... args);

  /** Starts the child and returns a promise of its result, without waiting. */
  <R> Promise<R> executeAsync(Class<R> resultClass, Object... args);

  /** Starts the child and returns a promise of its result of a generic type, without waiting. */
  <R> Promise<R> executeAsync(Class<R> resultClass, Type resultType, Object... args);
}
