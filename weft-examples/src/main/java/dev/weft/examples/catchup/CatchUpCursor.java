package dev.weft.examples.catchup;

/**
 * Where a catch-up is: the range, the next block to ingest, and the totals so far. It is the input
 * of every run: the first run gets {@link #start}, each later one what {@link #after} returned.
 *
 * @param from the first block number of the range
 * @param to the block number after the last one of the range
 * @param batchSize how many blocks one run ingests, at least 1
 * @param next the first block number this run ingests
 * @param runsDone how many runs came before this one
 * @param blocks how many blocks the runs before this one ingested
 * @param alreadyStored how many of those were found stored already (retried after a failure)
 */
public record CatchUpCursor(
    long from, long to, int batchSize, long next, int runsDone, long blocks, long alreadyStored) {

  /** Validates the cursor; each error names the field and the value. */
  public CatchUpCursor {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          "CatchUpCursor range must satisfy 0 <= from <= to, was [" + from + ", " + to + ")");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("CatchUpCursor.batchSize must be >= 1, was " + batchSize);
    }
    if (next < from || next > to) {
      throw new IllegalArgumentException(
          "CatchUpCursor.next must be in [" + from + ", " + to + "], was " + next);
    }
  }

  /** Returns the cursor of the first run over blocks {@code [from, to)}. */
  public static CatchUpCursor start(long from, long to, int batchSize) {
    return new CatchUpCursor(from, to, batchSize, from, 0, 0, 0);
  }

  /** Returns the block number after the last one this run ingests. */
  public long batchEnd() {
    return Math.min(to, next + batchSize);
  }

  /** Returns the cursor after this run ingested a batch. */
  public CatchUpCursor after(BatchReceipt batch) {
    return new CatchUpCursor(
        from,
        to,
        batchSize,
        batch.to(),
        runsDone + 1,
        blocks + (batch.to() - batch.from()),
        alreadyStored + batch.alreadyStored());
  }

  /** Returns whether every block of the range was ingested. */
  public boolean finished() {
    return next >= to && runsDone > 0;
  }

  /** Returns the totals of a finished catch-up. */
  public CatchUpResult result() {
    return new CatchUpResult(from, to, blocks, alreadyStored, runsDone);
  }

  /** Returns the workflow ID of a catch-up over this range: {@code catch-up-<from>-<to>}. */
  public String workflowId() {
    return "catch-up-" + from + "-" + to;
  }
}
