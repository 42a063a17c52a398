package dev.weft.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets the test clock's start time for one test method run by {@link WeftExtension}, overriding
 * {@link WeftExtension.Builder#setInitialTime}. The value is an ISO-8601 instant such as {@code
 * "2026-01-01T00:00:00Z"}; a value that is not one fails the test with the value named.
 *
 * <pre>{@code
 * @Test
 * @WorkflowInitialTime("2026-12-31T23:59:00Z")
 * void renewsAtNewYear(SubscriptionWorkflow subscription, WeftTestEnvironment env) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WorkflowInitialTime {
  /** The start time, an ISO-8601 instant. */
  String value();
}
