package dev.weft.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a workflow interface: exactly one {@link WorkflowMethod}, any number of {@link
 * SignalMethod}s and {@link QueryMethod}s.
 *
 * <pre>{@code
 * @WorkflowInterface
 * public interface OrderWorkflow {
 *   @WorkflowMethod
 *   String process(Order order);
 *
 *   @SignalMethod
 *   void approve(String approver);
 *
 *   @QueryMethod
 *   String status();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WorkflowInterface {}
