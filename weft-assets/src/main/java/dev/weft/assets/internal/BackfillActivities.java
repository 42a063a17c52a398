package dev.weft.assets.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;

/** The activities of the backfill workflow, each recording the chunk's progress in its row. */
@ActivityInterface
public interface BackfillActivities {

  /**
   * Marks the chunk in progress, materializes it ({@link
   * MaterializeActivities#materializePartitions}) and records it MATERIALIZED in the transaction of
   * this activity's completion, with the catalog's write.
   */
  @ActivityMethod(name = "__weft_backfill_materialize_chunk")
  StepOutcome materializeChunk(String backfillId, String step, long start, long end);

  /** Records the chunk's failure in the catalog and the backfill, in one transaction. */
  @ActivityMethod(name = "__weft_backfill_record_failure")
  void recordFailure(
      String backfillId, String step, long start, long end, String errorType, String message);

  /** Records that the chunk was skipped (an upstream chunk did not materialize), and why. */
  @ActivityMethod(name = "__weft_backfill_record_skipped")
  void recordSkipped(String backfillId, String step, long start, long end, String why);

  /**
   * Ends the backfill with {@code status} (CANCELED, or FAILED when it could not be planned), or
   * when null: FAILED if a partition failed or was skipped, else COMPLETED. Returns the status it
   * recorded (the row's if it had ended already).
   */
  @ActivityMethod(name = "__weft_backfill_finish")
  String finish(String backfillId, String status);
}
