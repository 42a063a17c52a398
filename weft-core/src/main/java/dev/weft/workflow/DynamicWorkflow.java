package dev.weft.workflow;

import dev.weft.converter.EncodedValues;

/**
 * A workflow implementation for workflow types known only at run time: registered on a worker (with
 * {@code registerWorkflowImplementationTypes(MyDynamic.class)} or {@code
 * registerWorkflow(DynamicWorkflow.class, MyDynamic::new)}), it runs every workflow type of its
 * task queue that no typed implementation registers. {@code Workflow.getInfo().workflowType()} says
 * which type the run is. It has no signal, query or update methods of its own: register {@link
 * DynamicSignalHandler}, {@link DynamicQueryHandler} and {@link DynamicUpdateHandler} with {@link
 * Workflow#registerListener}. At most one per task queue.
 *
 * <pre>{@code
 * public class ScriptedWorkflow implements DynamicWorkflow {
 *   public Object execute(EncodedValues args) {
 *     String type = Workflow.getInfo().workflowType();
 *     return Workflow.newUntypedActivityStub(options).execute(type, String.class, args.get(0, String.class));
 *   }
 * }
 * }</pre>
 */
public interface DynamicWorkflow {

  /**
   * Runs the workflow, like a typed workflow method.
   *
   * @param args the run's arguments
   * @return its result, encoded with the data converter
   */
  Object execute(EncodedValues args);
}
