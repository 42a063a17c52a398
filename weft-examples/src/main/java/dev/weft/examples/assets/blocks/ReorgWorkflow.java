package dev.weft.examples.assets.blocks;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * Simulates a re-org on the block example's node in {@code weft dev}: the last blocks are replaced
 * and observed, so the catalog shows exactly them and their dependents stale.
 *
 * <pre>{@code
 * weft workflow start --type ReorgWorkflow --task-queue chain-node --input 15 --wait
 * }</pre>
 */
@WorkflowInterface
public interface ReorgWorkflow {
  /** The task queue of the re-org workflow and its activity. */
  String TASK_QUEUE = "chain-node";

  /** Re-organizes the last {@code depth} blocks and observes them; returns the summary. */
  @WorkflowMethod
  String reorg(int depth);
}
