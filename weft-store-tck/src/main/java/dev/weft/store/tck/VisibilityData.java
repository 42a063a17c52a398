package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.Batch;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs the visibility contracts filter and sort: eight runs r0..r7 started a minute apart from
 * {@link TestData#T0}, with workflow IDs order-0..order-7 (newest first: r7, r6, ..., r0).
 *
 * <pre>
 * run type         queue    status      closed  CustomerId Amount Score Vip   DueAt       Notes
 * r0  Order        main     COMPLETED   +1h     cust-a     100    1.5   true  2026-02-01  Refund requested by customer
 * r1  Order        main     FAILED      +2h     cust-b     250    2.5   false 2026-02-02  Express shipping
 * r2  Refund       main     RUNNING             cust-a     50     -1.0  true  2026-02-03  refund approved
 * r3  Order        priority RUNNING             cust-c     999    0.0   false 2026-03-01  Gift wrap, EXPRESS
 * r4  Refund       priority TERMINATED  +30min  cust-b     -      3.25  -     2026-02-15  Partial refund
 * r5  Order        main     RUNNING             -          0      -     true  -           100% done
 * r6  Subscription main     RUNNING             cust-a2    -20    1.5   false 2026-01-15  -
 * r7  Order        main     RUNNING             -          -      -     -     -           -
 * </pre>
 *
 * <p>Close times are after {@code T0}: r4 at +30 minutes, r0 at +1 hour, r1 at +2 hours.
 */
public final class VisibilityData {
  /** The search attributes of the catalog and their types. */
  public static final Map<String, SearchAttributeType> KNOWN =
      Map.of(
          "CustomerId", SearchAttributeType.KEYWORD,
          "Amount", SearchAttributeType.INT,
          "Score", SearchAttributeType.DOUBLE,
          "Vip", SearchAttributeType.BOOL,
          "DueAt", SearchAttributeType.DATETIME,
          "Notes", SearchAttributeType.TEXT);

  private VisibilityData() {}

  /** Returns one batch that creates the whole catalog. */
  public static Batch catalogBatch() {
    Batch.Builder all = Batch.builder();
    for (Batch batch : catalog()) {
      all.addAll(batch.writes());
    }
    return all.build();
  }

  /** Returns the batches that create the catalog, one per run, oldest first. */
  public static List<Batch> catalog() {
    List<Batch> batches = new ArrayList<>();
    batches.add(
        run(0, "Order", "main", WorkflowStatus.COMPLETED, Duration.ofHours(1))
            .attributes("cust-a", 100L, 1.5, true, "2026-02-01", "Refund requested by customer"));
    batches.add(
        run(1, "Order", "main", WorkflowStatus.FAILED, Duration.ofHours(2))
            .attributes("cust-b", 250L, 2.5, false, "2026-02-02", "Express shipping"));
    batches.add(
        run(2, "Refund", "main", WorkflowStatus.RUNNING, null)
            .attributes("cust-a", 50L, -1.0, true, "2026-02-03", "refund approved"));
    batches.add(
        run(3, "Order", "priority", WorkflowStatus.RUNNING, null)
            .attributes("cust-c", 999L, 0.0, false, "2026-03-01", "Gift wrap, EXPRESS"));
    batches.add(
        run(4, "Refund", "priority", WorkflowStatus.TERMINATED, Duration.ofMinutes(30))
            .attributes("cust-b", null, 3.25, null, "2026-02-15", "Partial refund"));
    batches.add(
        run(5, "Order", "main", WorkflowStatus.RUNNING, null)
            .attributes(null, 0L, null, true, null, "100% done"));
    batches.add(
        run(6, "Subscription", "main", WorkflowStatus.RUNNING, null)
            .attributes("cust-a2", -20L, 1.5, false, "2026-01-15", null));
    batches.add(run(7, "Order", "main", WorkflowStatus.RUNNING, null).attributes());
    return batches;
  }

  private static CatalogRun run(
      int i, String type, String queue, WorkflowStatus status, Duration closedAfter) {
    return new CatalogRun(i, type, queue, status, closedAfter);
  }

  private record CatalogRun(
      int i, String type, String queue, WorkflowStatus status, Duration closedAfter) {

    Batch attributes() {
      return batch(Map.of());
    }

    Batch attributes(
        String customerId, Long amount, Double score, Boolean vip, String dueAt, String notes) {
      Map<String, SearchAttributeValue> values = new LinkedHashMap<>();
      if (customerId != null) {
        values.put("CustomerId", SearchAttributeValue.ofKeyword(customerId));
      }
      if (amount != null) {
        values.put("Amount", SearchAttributeValue.ofInt(amount));
      }
      if (score != null) {
        values.put("Score", SearchAttributeValue.ofDouble(score));
      }
      if (vip != null) {
        values.put("Vip", SearchAttributeValue.ofBool(vip));
      }
      if (dueAt != null) {
        values.put("DueAt", SearchAttributeValue.ofDatetime(Instant.parse(dueAt + "T00:00:00Z")));
      }
      if (notes != null) {
        values.put("Notes", SearchAttributeValue.ofText(notes));
      }
      return batch(values);
    }

    private Batch batch(Map<String, SearchAttributeValue> values) {
      String runId = "r" + i;
      Batch.Builder batch =
          Batch.builder()
              .add(
                  TestData.run(runId)
                      .workflowId("order-" + i)
                      .workflowType(type)
                      .taskQueue(queue)
                      .startTime(T0.plusSeconds(60L * i))
                      .insert());
      if (!values.isEmpty()) {
        batch.add(new Write.UpsertSearchAttributes(runId, values));
      }
      batch.add(new Write.SetMemo(runId, TestData.bytes("memo of " + runId)));
      if (closedAfter != null) {
        batch.add(new Write.CloseRun(runId, status, T0.plus(closedAfter)));
      }
      return batch.build();
    }
  }
}
