package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.VisibilityQueries.expectedIds;
import static dev.weft.store.tck.VisibilityQueries.ids;
import static dev.weft.store.tck.VisibilityQueries.listAll;
import static dev.weft.store.tck.VisibilityQueries.query;
import static dev.weft.store.tck.VisibilityQueries.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.SearchAttributeType;
import dev.weft.store.Batch;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the order and the paging of filtered {@code listRuns}: ORDER BY search attributes of every
 * sortable type and built-in fields, ascending (the default) or descending, several keys, runs
 * without a value last in either direction and in every key, ties broken by RunId descending unless
 * the order names RunId. Following the page tokens of an ordered listing visits every match exactly
 * once, in the order of a single page, also with many ties and missing values; the last page has no
 * token.
 *
 * <p>The default order, {@code StartTime DESC} (newest first, ties by RunId descending), pages by
 * keyset: runs started between pages do not shift the later pages, and {@code ORDER BY StartTime
 * DESC} is the same order with the same tokens. A page token of another order, or not a token at
 * all, is refused with {@link IllegalArgumentException}.
 */
public abstract class OrderContract extends StoreContract {

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ORDER BY Amount                                  | r6 r5 r2 r0 r1 r3 r7 r4
          ORDER BY Amount ASC                              | r6 r5 r2 r0 r1 r3 r7 r4
          ORDER BY Amount DESC                             | r3 r1 r0 r2 r5 r6 r7 r4
          ORDER BY Score ASC                               | r2 r3 r6 r0 r1 r4 r7 r5
          ORDER BY Score DESC                              | r4 r1 r6 r0 r3 r2 r7 r5
          ORDER BY DueAt ASC                               | r6 r0 r1 r2 r4 r3 r7 r5
          ORDER BY DueAt DESC                              | r3 r4 r2 r1 r0 r6 r7 r5
          ORDER BY CustomerId ASC                          | r2 r0 r6 r4 r1 r3 r7 r5
          ORDER BY CustomerId DESC                         | r3 r4 r1 r6 r2 r0 r7 r5
          ORDER BY Vip ASC                                 | r6 r3 r1 r5 r2 r0 r7 r4
          ORDER BY Vip DESC                                | r5 r2 r0 r6 r3 r1 r7 r4
          ORDER BY Vip DESC, Amount ASC                    | r5 r2 r0 r6 r1 r3 r7 r4
          ORDER BY CustomerId ASC, RunId ASC               | r0 r2 r6 r1 r4 r3 r5 r7
          ORDER BY CustomerId, Amount DESC                 | r0 r2 r6 r1 r4 r3 r5 r7
          ORDER BY CloseTime ASC                           | r4 r0 r1 r7 r6 r5 r3 r2
          ORDER BY CloseTime DESC                          | r1 r0 r4 r7 r6 r5 r3 r2
          ORDER BY StartTime ASC                           | r0 r1 r2 r3 r4 r5 r6 r7
          ORDER BY StartTime DESC                          | r7 r6 r5 r4 r3 r2 r1 r0
          ORDER BY RunId ASC                               | r0 r1 r2 r3 r4 r5 r6 r7
          ORDER BY WorkflowId DESC                         | r7 r6 r5 r4 r3 r2 r1 r0
          ORDER BY WorkflowType ASC                        | r7 r5 r3 r1 r0 r4 r2 r6
          ORDER BY WorkflowType ASC, RunId ASC             | r0 r1 r3 r5 r7 r2 r4 r6
          ORDER BY TaskQueue DESC, StartTime ASC           | r3 r4 r0 r1 r2 r5 r6 r7
          ORDER BY Status, StartTime                       | r0 r1 r2 r3 r5 r6 r7 r4
          Amount > 0 ORDER BY Amount DESC                  | r3 r1 r0 r2
          Score >= 1.5 ORDER BY Amount                     | r6 r0 r1 r4
          Amount > 0 AND Amount < 200 ORDER BY Amount DESC | r0 r2
          Notes = 'refund' ORDER BY DueAt                  | r0 r2 r4
          CloseTime IS NULL ORDER BY CloseTime DESC        | r7 r6 r5 r3 r2
          """)
  void ordersWithRunsWithoutAValueLastAndTiesByRunId(String query, String expected) {
    givenCatalog();
    List<String> want = expectedIds(expected);

    assertThat(ids(store.listRuns(query(query, 100)))).as(query).containsExactlyElementsOf(want);
    assertThat(ids(listAll(store, query(query, 3))))
        .as("by 3: " + query)
        .containsExactlyElementsOf(want);
    assertThat(ids(listAll(store, query(query, 1))))
        .as("by 1: " + query)
        .containsExactlyElementsOf(want);
    assertThat(store.countRuns(query(query, 1))).as("count: " + query).isEqualTo(want.size());
  }

  @Test
  void pagingAnOrderedListingWithManyTiesAndMissingValuesVisitsEveryMatchOnce() {
    List<RunRecord> runs = new ArrayList<>();
    Map<String, Long> ranks = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      String runId = String.format("p%02d", i);
      RunRecord record = run(runId).startTime(T0.plusSeconds(60L * (i % 7))).build();
      Batch.Builder batch = Batch.builder().add(new Write.InsertRun(record, Set.of()));
      if (i % 4 != 0) {
        long rank = i % 5;
        ranks.put(runId, rank);
        batch.add(upsert(runId, Map.of("Rank", SearchAttributeValue.ofInt(rank))));
      }
      commitOk(batch.build());
      runs.add(record);
    }
    Map<String, SearchAttributeType> known = Map.of("Rank", SearchAttributeType.INT);
    Comparator<String> byRankDescMissingLastThenRunIdDesc =
        Comparator.<String, Boolean>comparing(id -> !ranks.containsKey(id))
            .thenComparing(id -> ranks.getOrDefault(id, 0L), Comparator.reverseOrder())
            .thenComparing(Comparator.<String>reverseOrder());
    List<String> expected =
        runs.stream()
            .map(RunRecord::runId)
            .filter(id -> !ranks.containsKey(id) || ranks.get(id) != 2)
            .sorted(byRankDescMissingLastThenRunIdDesc)
            .toList();
    RunQuery ordered =
        new RunQuery(NAMESPACE, 4)
            .withFilter(RunFilterParser.parse("NOT Rank = 2 ORDER BY Rank DESC", known));

    List<RunRecord> paged = listAll(store, ordered);

    assertThat(ids(paged)).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    assertThat(store.countRuns(ordered)).isEqualTo(expected.size());

    // the same filter in the default order, with keyset pages: newest first, ties by RunId DESC
    List<String> newestFirst =
        runs.stream()
            .sorted(
                Comparator.comparing(RunRecord::startTime)
                    .thenComparing(RunRecord::runId)
                    .reversed())
            .map(RunRecord::runId)
            .filter(expected::contains)
            .toList();
    RunQuery byDefault =
        new RunQuery(NAMESPACE, 4).withFilter(RunFilterParser.parse("NOT Rank = 2", known));
    assertThat(ids(listAll(store, byDefault))).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void defaultOrderPagesAreNotShiftedByRunsStartedBetweenPages() {
    givenCatalog();
    RunQuery query = query("", 3);

    RunPage first = store.listRuns(query);
    commitOk(run("r8").startTime(T0.plusSeconds(600)).insert());
    commitOk(run("r5a").startTime(T0.plusSeconds(300)).insert());
    RunPage second = store.listRuns(query.withPageToken(first.nextPageToken()));
    commitOk(run("r9").startTime(T0.plusSeconds(900)).insert());
    commitOk(run("older").startTime(T0.minusSeconds(60)).insert());
    RunPage third = store.listRuns(query.withPageToken(second.nextPageToken()));

    assertThat(ids(first)).containsExactly("r7", "r6", "r5");
    assertThat(ids(second)).containsExactly("r4", "r3", "r2");
    assertThat(ids(third)).containsExactly("r1", "r0", "older");
    assertThat(third.nextPageToken()).isNull();
  }

  @Test
  void defaultOrderPagesOfAFilteredListingAreNotShiftedEither() {
    givenCatalog();
    RunQuery query = query("Amount IS NOT NULL", 2);

    RunPage first = store.listRuns(query);
    commitOk(
        run("r8").startTime(T0.plusSeconds(600)).insert(),
        upsert("r8", Map.of("Amount", SearchAttributeValue.ofInt(1))));
    RunPage second = store.listRuns(query.withPageToken(first.nextPageToken()));
    RunPage third = store.listRuns(query.withPageToken(second.nextPageToken()));

    assertThat(ids(first)).containsExactly("r6", "r5");
    assertThat(ids(second)).containsExactly("r3", "r2");
    assertThat(ids(third)).containsExactly("r1", "r0");
    assertThat(third.nextPageToken()).isNull();
  }

  @Test
  void startTimeDescendingIsTheDefaultOrderWithTheSamePages() {
    givenCatalog();
    RunQuery byDefault = query("", 3);
    RunQuery explicit = query("ORDER BY StartTime DESC", 3);
    RunQuery explicitWithRunId = query("ORDER BY StartTime DESC, RunId DESC", 3);

    RunPage first = store.listRuns(byDefault);
    RunPage explicitFirst = store.listRuns(explicit);

    assertThat(explicitFirst).isEqualTo(first);
    assertThat(store.listRuns(explicitWithRunId)).isEqualTo(first);
    assertThat(ids(store.listRuns(explicit.withPageToken(first.nextPageToken()))))
        .containsExactly("r4", "r3", "r2");
    assertThat(ids(store.listRuns(byDefault.withPageToken(explicitFirst.nextPageToken()))))
        .containsExactly("r4", "r3", "r2");
  }

  @Test
  void theLastPageOfAnOrderedListingHasNoToken() {
    givenCatalog();
    RunQuery query = query("Amount >= 0 ORDER BY Amount DESC", 5);

    RunPage page = store.listRuns(query);
    RunPage exactFit = store.listRuns(query("Amount >= 0 ORDER BY Amount DESC", 4));
    RunPage empty = store.listRuns(query("Amount > 10000 ORDER BY Amount DESC", 5));

    assertThat(ids(page)).containsExactly("r3", "r1", "r0", "r2", "r5");
    assertThat(page.nextPageToken()).isNull();
    assertThat(exactFit.runs()).hasSize(4);
    assertThat(exactFit.nextPageToken()).isNotNull();
    RunPage last =
        store.listRuns(
            query("Amount >= 0 ORDER BY Amount DESC", 4).withPageToken(exactFit.nextPageToken()));
    assertThat(ids(last)).containsExactly("r5");
    assertThat(last.nextPageToken()).isNull();
    assertThat(empty.runs()).isEmpty();
    assertThat(empty.nextPageToken()).isNull();
  }

  @Test
  void aPageTokenOfAnotherOrderIsRefused() {
    givenCatalog();
    String newestFirst = store.listRuns(query("", 2)).nextPageToken();
    String amountAscending = store.listRuns(query("ORDER BY Amount ASC", 2)).nextPageToken();
    String startAscending = store.listRuns(query("ORDER BY StartTime ASC", 2)).nextPageToken();

    assertRefused(query("ORDER BY Amount ASC", 2), newestFirst);
    assertRefused(query("", 2), amountAscending);
    assertRefused(query("ORDER BY Amount DESC", 2), amountAscending);
    assertRefused(query("ORDER BY Score ASC", 2), amountAscending);
    assertRefused(query("ORDER BY Amount ASC, Score ASC", 2), amountAscending);
    assertRefused(query("ORDER BY StartTime ASC", 2), amountAscending);
    assertRefused(query("ORDER BY Amount ASC", 2), startAscending);
    assertRefused(query("", 2), startAscending);
    assertRefused(query("", 2), "not a token");
    assertRefused(query("ORDER BY Amount ASC", 2), "not a token");
    // the token of the same order is accepted
    assertThat(ids(store.listRuns(query("ORDER BY Amount ASC", 2).withPageToken(amountAscending))))
        .containsExactly("r2", "r0");
  }

  private void givenCatalog() {
    commitOk(VisibilityData.catalogBatch());
  }

  private void assertRefused(RunQuery query, String token) {
    assertThatThrownBy(() -> store.listRuns(query.withPageToken(token)))
        .as("token %s for order %s", token, query.orderBy())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid page token");
  }
}
