package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Batch;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins ORDER BY and paging of filtered listings: sorting by built-in fields and by search
 * attributes of every sortable type, in either direction, runs without a value last, ties broken by
 * run ID (descending unless the order names RunId); following the page tokens of a filtered listing
 * visits every match exactly once, in the order of a single page, in the default order (keyset
 * tokens) and in any other (offset tokens); counts ignore the order.
 */
public abstract class OrderContract extends StoreContract {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ORDER BY StartTime                            | r0 r1 r2 r3 r4 r5 r6 r7
          ORDER BY StartTime DESC                       | r7 r6 r5 r4 r3 r2 r1 r0
          ORDER BY WorkflowId DESC                      | r7 r6 r5 r4 r3 r2 r1 r0
          ORDER BY RunId                                | r0 r1 r2 r3 r4 r5 r6 r7
          ORDER BY WorkflowType, StartTime DESC         | r7 r5 r3 r1 r0 r4 r2 r6
          ORDER BY TaskQueue DESC, RunId                | r3 r4 r0 r1 r2 r5 r6 r7
          ORDER BY Status, StartTime                    | r0 r1 r2 r3 r5 r6 r7 r4
          ORDER BY CloseTime                            | r4 r0 r1 r7 r6 r5 r3 r2
          ORDER BY CloseTime DESC                       | r1 r0 r4 r7 r6 r5 r3 r2
          ORDER BY Amount DESC                          | r3 r1 r0 r2 r5 r6 r7 r4
          ORDER BY Amount                               | r6 r5 r2 r0 r1 r3 r7 r4
          ORDER BY CustomerId, Amount DESC              | r0 r2 r6 r1 r4 r3 r5 r7
          ORDER BY Score, RunId                         | r2 r3 r0 r6 r1 r4 r5 r7
          ORDER BY Vip DESC, RunId DESC                 | r5 r2 r0 r6 r3 r1 r7 r4
          ORDER BY DueAt DESC                           | r3 r4 r2 r1 r0 r6 r7 r5
          WorkflowType = 'Order' ORDER BY Amount DESC   | r3 r1 r0 r5 r7
          Notes = 'refund' ORDER BY DueAt               | r0 r2 r4
          """)
  void sortsByFieldsAndAttributesWithMissingValuesLast(String query, String expected) {
    givenTheCatalog();
    List<String> ids = Arrays.asList(expected.trim().split("\\s+"));
    RunQuery single = query(query, 100);

    assertThat(ids(store.listRuns(single).runs())).as(query).containsExactlyElementsOf(ids);
    assertThat(ids(listAll(query(query, 3)))).as("paged " + query).containsExactlyElementsOf(ids);
    assertThat(store.countRuns(single)).isEqualTo(ids.size());
  }

  @Test
  void pagingAFilteredListingInTheDefaultOrderVisitsEveryMatchOnce() {
    for (int i = 0; i < 23; i++) {
      commitOk(
          Batch.builder()
              .add(run("r" + i).startTime(T0.plusSeconds(i / 4 * 60L)).insert())
              .add(amount("r" + i, i % 3))
              .build());
    }

    List<RunRecord> all = listAll(query("Amount >= 1", 4));

    assertThat(ids(all)).doesNotHaveDuplicates().hasSize(15);
    assertThat(ids(all))
        .containsExactlyElementsOf(ids(store.listRuns(query("Amount >= 1", 100)).runs()));
    assertThat(store.countRuns(query("Amount >= 1", 4))).isEqualTo(15);
  }

  @Test
  void pagingWithManyTiesInACustomOrderVisitsEveryMatchOnce() {
    for (int i = 0; i < 25; i++) {
      commitOk(
          Batch.builder()
              .add(run("r" + i).startTime(T0).insert())
              .add(amount("r" + i, i % 3))
              .build());
    }

    List<RunRecord> paged = listAll(query("Amount >= 1 ORDER BY Amount DESC", 4));
    List<RunRecord> single = store.listRuns(query("Amount >= 1 ORDER BY Amount DESC", 100)).runs();

    assertThat(ids(paged)).doesNotHaveDuplicates().hasSize(16);
    assertThat(ids(paged)).containsExactlyElementsOf(ids(single));
    assertThat(single.subList(0, 8)).allMatch(r -> amountOf(r) == 2);
  }

  @Test
  void theLastPageOfACustomOrderHasNoToken() {
    givenTheCatalog();

    RunPage first = store.listRuns(query("ORDER BY Amount", 4));
    RunPage second =
        store.listRuns(query("ORDER BY Amount", 4).withPageToken(first.nextPageToken()));

    assertThat(first.nextPageToken()).isNotNull();
    assertThat(second.runs()).hasSize(4);
    assertThat(second.nextPageToken()).isNull();
  }

  @Test
  void aTokenOfAnotherKindOfOrderIsRefused() {
    givenTheCatalog();
    String keyset = store.listRuns(query("", 2)).nextPageToken();
    String offset = store.listRuns(query("ORDER BY Amount", 2)).nextPageToken();

    assertThatThrownBy(() -> store.listRuns(query("ORDER BY Amount", 2).withPageToken(keyset)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid page token");
    assertThatThrownBy(() -> store.listRuns(query("", 2).withPageToken(offset)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid page token");
  }

  @Test
  void aClosedRunKeepsItsAttributes() {
    givenTheCatalog();
    commitOk(new Write.CloseRun("r3", RunStatus.COMPLETED, T0.plusSeconds(7200)));

    assertThat(ids(store.listRuns(query("Status = 'Completed' ORDER BY Amount DESC", 10)).runs()))
        .containsExactly("r3", "r0");
  }

  private void givenTheCatalog() {
    for (Batch batch : VisibilityData.catalog()) {
      commitOk(batch);
    }
  }

  private static Write amount(String runId, long amount) {
    return new Write.UpsertSearchAttributes(
        runId, Map.of("Amount", SearchAttributeValue.ofInt(amount)));
  }

  private long amountOf(RunRecord run) {
    return (Long) store.findSearchAttributes(run.runId()).get("Amount").value();
  }

  private List<RunRecord> listAll(RunQuery first) {
    List<RunRecord> all = new ArrayList<>();
    RunQuery query = first;
    for (int pages = 0; pages < 1000; pages++) {
      RunPage page = store.listRuns(query);
      assertThat(page.runs()).hasSizeLessThanOrEqualTo(first.pageSize());
      all.addAll(page.runs());
      if (page.nextPageToken() == null) {
        return all;
      }
      query = query.withPageToken(page.nextPageToken());
    }
    throw new AssertionError("paging did not end after 1000 pages");
  }

  private static RunQuery query(String query, int pageSize) {
    return new RunQuery(NAMESPACE, pageSize)
        .withFilter(RunFilterParser.parse(query, VisibilityData.KNOWN));
  }

  private static List<String> ids(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::runId).toList();
  }
}
