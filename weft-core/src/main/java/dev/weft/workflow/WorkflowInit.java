package dev.weft.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the constructor of a workflow implementation that receives the workflow method's arguments.
 * The engine makes the workflow object with it when the run starts, before any signal, update
 * validator or update handler runs, so handlers that arrive with the start (signal-with- start, an
 * update in the first workflow task) see the state it sets.
 *
 * <p>Rules, checked when the implementation is registered with {@code
 * Worker.registerWorkflowImplementationTypes} (an {@code InvalidDefinitionException} names the
 * class and the rule otherwise): at most one constructor has it; it is public; its parameter types
 * are exactly those of the workflow method. It runs as workflow code: it may read {@code
 * Workflow.getInfo()} but must not block (no activities, timers or awaits).
 *
 * <pre>{@code
 * public class OrderWorkflowImpl implements OrderWorkflow {
 *   private final Order order;
 *
 *   @WorkflowInit
 *   public OrderWorkflowImpl(Order order) {
 *     this.order = order; // ready for an update validator in the first workflow task
 *   }
 *
 *   @Override
 *   public Receipt process(Order order) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
public @interface WorkflowInit {}
