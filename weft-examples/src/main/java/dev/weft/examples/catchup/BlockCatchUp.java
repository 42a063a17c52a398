package dev.weft.examples.catchup;

import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Workflow;
import java.time.Duration;

/**
 * The {@link CatchUpWorkflow}. The batch is an activity with the default retry policy (1 s, x2, at
 * most 100 s, no limit), so an unreachable node holds the catch-up at its batch until it comes
 * back; the idempotent {@link BlockStore} makes the retry safe.
 */
public final class BlockCatchUp implements CatchUpWorkflow {
  private final BlockIngestion ingestion =
      Workflow.newActivityStub(
          BlockIngestion.class,
          ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(1)).build());

  @Override
  public CatchUpResult catchUp(CatchUpCursor cursor) {
    BatchReceipt batch = ingestion.ingestBatch(cursor.next(), cursor.batchEnd());
    CatchUpCursor after = cursor.after(batch);
    if (!after.finished()) {
      Workflow.continueAsNew(after);
    }
    return after.result();
  }
}
