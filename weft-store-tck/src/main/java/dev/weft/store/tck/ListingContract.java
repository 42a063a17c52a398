package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins {@code listRuns} and {@code countRuns}: runs of one namespace, filtered by status, workflow
 * type and workflow ID, newest first; following {@code nextPageToken} visits every matching run
 * exactly once, also when runs share a start time, and the last page has no token; the count
 * matches the filter and ignores paging, and so do the counts by status ({@code countRunsByStatus}:
 * only statuses with runs, in status order, summing to the count).
 */
public abstract class ListingContract extends StoreContract {

  @Test
  void listsTheRunsOfANamespaceNewestFirst() {
    commitOk(run("old").startTime(T0).insert());
    commitOk(run("new").startTime(T0.plusSeconds(120)).insert());
    commitOk(run("mid").startTime(T0.plusSeconds(60)).insert());
    commitOk(run("elsewhere").namespace("other").startTime(T0.plusSeconds(90)).insert());

    RunPage page = store.listRuns(query(null, null, null, 10));

    assertThat(page.runs()).extracting(RunRecord::runId).containsExactly("new", "mid", "old");
    assertThat(page.nextPageToken()).isNull();
  }

  @Test
  void filtersByStatus() {
    givenMixedRuns();

    assertThat(store.listRuns(query(WorkflowStatus.COMPLETED, null, null, 100)).runs())
        .isNotEmpty()
        .allMatch(r -> r.status() == WorkflowStatus.COMPLETED);
    assertThat(store.countRuns(query(WorkflowStatus.COMPLETED, null, null, 100))).isEqualTo(4);
    assertThat(store.countRuns(query(WorkflowStatus.RUNNING, null, null, 100))).isEqualTo(8);
  }

  @Test
  void filtersByWorkflowType() {
    givenMixedRuns();

    assertThat(store.listRuns(query(null, "Refund", null, 100)).runs())
        .hasSize(3)
        .allMatch(r -> r.workflowType().equals("Refund"));
  }

  @Test
  void filtersByWorkflowId() {
    givenMixedRuns();

    assertThat(store.listRuns(query(null, null, "order-3", 100)).runs())
        .extracting(RunRecord::runId)
        .containsExactly("r9", "r3");
  }

  @Test
  void combinesFilters() {
    givenMixedRuns();

    RunQuery query = query(WorkflowStatus.RUNNING, "Order", "order-0", 100);

    assertThat(store.listRuns(query).runs()).extracting(RunRecord::runId).containsExactly("r6");
    assertThat(store.countRuns(query)).isEqualTo(1);
  }

  @Test
  void pagingVisitsEveryRunExactlyOnceNewestFirst() {
    for (int i = 0; i < 23; i++) {
      commitOk(run("r" + i).startTime(T0.plusSeconds(i / 3 * 60L)).insert());
    }

    List<RunRecord> all = listAll(query(null, null, null, 5), 5);

    assertThat(all).hasSize(23);
    assertThat(all).extracting(RunRecord::runId).doesNotHaveDuplicates();
    assertThat(all).extracting(RunRecord::startTime).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void pagingWithAFilterVisitsEveryMatchingRunOnce() {
    givenMixedRuns();

    List<RunRecord> running = listAll(query(WorkflowStatus.RUNNING, null, null, 3), 3);

    assertThat(running).extracting(RunRecord::runId).doesNotHaveDuplicates().hasSize(8);
    assertThat(running).allMatch(r -> r.status() == WorkflowStatus.RUNNING);
  }

  @Test
  void pageThatEndsTheListingHasNoToken() {
    for (int i = 0; i < 10; i++) {
      commitOk(run("r" + i).startTime(T0.plusSeconds(i)).insert());
    }

    RunPage first = store.listRuns(query(null, null, null, 5));
    RunPage second = store.listRuns(withToken(query(null, null, null, 5), first.nextPageToken()));

    assertThat(first.runs()).hasSize(5);
    assertThat(first.nextPageToken()).isNotNull();
    assertThat(second.runs()).hasSize(5);
    assertThat(second.nextPageToken()).isNull();
  }

  @Test
  void emptyNamespaceListsNothing() {
    startRun("r1");

    RunQuery query = new RunQuery("empty", null, null, null, 10, null);

    assertThat(store.listRuns(query).runs()).isEmpty();
    assertThat(store.listRuns(query).nextPageToken()).isNull();
    assertThat(store.countRuns(query)).isZero();
  }

  @Test
  void countIgnoresPageSizeAndToken() {
    givenMixedRuns();
    RunPage first = store.listRuns(query(null, null, null, 2));

    assertThat(store.countRuns(query(null, null, null, 1))).isEqualTo(12);
    assertThat(store.countRuns(withToken(query(null, null, null, 2), first.nextPageToken())))
        .isEqualTo(12);
  }

  @Test
  void countsByStatusWithTheSameConditionsAsTheCount() {
    givenMixedRuns();
    commitOk(new Write.CloseRun("r5", WorkflowStatus.FAILED, T0.plusSeconds(301)));
    commitOk(run("elsewhere").namespace("other").insert());

    assertThat(store.countRunsByStatus(query(null, null, null, 1)))
        .containsExactly(
            entry(WorkflowStatus.RUNNING, 7L),
            entry(WorkflowStatus.COMPLETED, 4L),
            entry(WorkflowStatus.FAILED, 1L));
    assertThat(store.countRunsByStatus(query(null, "Refund", null, 100)))
        .containsExactly(entry(WorkflowStatus.RUNNING, 2L), entry(WorkflowStatus.COMPLETED, 1L));
    assertThat(store.countRunsByStatus(query(WorkflowStatus.FAILED, null, null, 100)))
        .containsExactly(entry(WorkflowStatus.FAILED, 1L));
    RunQuery filtered =
        query(null, null, null, 100)
            .withFilter(RunFilterParser.parse("WorkflowId IN ('order-0', 'order-5')", Map.of()));
    assertThat(store.countRunsByStatus(filtered))
        .containsExactly(
            entry(WorkflowStatus.RUNNING, 2L),
            entry(WorkflowStatus.COMPLETED, 1L),
            entry(WorkflowStatus.FAILED, 1L));
    assertThat(store.countRunsByStatus(filtered).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(store.countRuns(filtered));
    assertThat(store.countRunsByStatus(new RunQuery("empty", 10))).isEmpty();
  }

  /**
   * Twelve runs r0..r11 started a minute apart: workflow IDs order-(i mod 6), type Refund for i
   * divisible by 4 and Order otherwise, r0..r3 completed, r4..r11 running.
   */
  private void givenMixedRuns() {
    for (int i = 0; i < 12; i++) {
      commitOk(
          run("r" + i)
              .workflowId("order-" + (i % 6))
              .workflowType(i % 4 == 0 ? "Refund" : "Order")
              .startTime(T0.plusSeconds(60L * i))
              .insert());
      if (i < 4) {
        commitOk(
            new Write.CloseRun("r" + i, WorkflowStatus.COMPLETED, T0.plusSeconds(60L * i + 1)));
      }
    }
  }

  private List<RunRecord> listAll(RunQuery first, int pageSize) {
    List<RunRecord> all = new ArrayList<>();
    RunQuery query = first;
    for (int pages = 0; pages < 1000; pages++) {
      RunPage page = store.listRuns(query);
      assertThat(page.runs()).hasSizeLessThanOrEqualTo(pageSize);
      all.addAll(page.runs());
      if (page.nextPageToken() == null) {
        return all;
      }
      query = withToken(query, page.nextPageToken());
    }
    throw new AssertionError("paging did not end after 1000 pages");
  }

  private static RunQuery query(
      WorkflowStatus status, String type, String workflowId, int pageSize) {
    return new RunQuery(NAMESPACE, status, type, workflowId, pageSize, null);
  }

  private static RunQuery withToken(RunQuery q, String token) {
    return new RunQuery(
        q.namespace(), q.status(), q.workflowType(), q.workflowId(), q.pageSize(), token);
  }
}
