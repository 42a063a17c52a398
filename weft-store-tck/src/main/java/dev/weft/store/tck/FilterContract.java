package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Batch;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.SearchAttributeType;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins filtered {@code listRuns} and {@code countRuns} over the runs of {@link VisibilityData}: a
 * filter on every built-in field and every search attribute type, each operator, combinations with
 * AND, OR and NOT; a run without a value fails every predicate but IS NULL, and NOT is the exact
 * complement; TEXT matches a substring ignoring case, with LIKE's wildcards taken literally;
 * KEYWORD compares exactly, in binary order.
 */
public abstract class FilterContract extends StoreContract {

  /** Creates the catalog of runs. */
  @BeforeEach
  protected void givenTheCatalog() {
    for (Batch batch : VisibilityData.catalog()) {
      commitOk(batch);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          WorkflowId = 'order-3'                                    | r3
          WorkflowId STARTS_WITH 'order-'                           | r7 r6 r5 r4 r3 r2 r1 r0
          RunId IN ('r1', 'r6', 'nope')                             | r6 r1
          WorkflowType = 'Refund'                                   | r4 r2
          WorkflowType != 'Order'                                   | r6 r4 r2
          TaskQueue = 'priority'                                    | r4 r3
          ExecutionStatus = 'Running'                               | r7 r6 r5 r3 r2
          Status IN ('Completed', 'Failed')                         | r1 r0
          Status != 'RUNNING'                                       | r4 r1 r0
          StartTime >= '2026-01-01T00:05:00Z'                       | r7 r6 r5
          StartTime < '2026-01-01T00:01:00Z'                        | r0
          StartTime BETWEEN '2026-01-01T00:02:00Z' AND '2026-01-01T00:04:00Z' | r4 r3 r2
          CloseTime IS NULL                                         | r7 r6 r5 r3 r2
          CloseTime IS NOT NULL                                     | r4 r1 r0
          CloseTime > '2026-01-01T00:45:00Z'                        | r1 r0
          NOT CloseTime > '2026-01-01T00:45:00Z'                    | r7 r6 r5 r4 r3 r2
          """)
  void filtersByBuiltInFields(String query, String expected) {
    assertListing(query, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CustomerId = 'cust-a'                              | r2 r0
          CustomerId = 'CUST-A'                              |
          CustomerId != 'cust-a'                             | r6 r4 r3 r1
          NOT CustomerId = 'cust-a'                          | r7 r6 r5 r4 r3 r1
          CustomerId < 'cust-b'                              | r6 r2 r0
          CustomerId >= 'cust-b'                             | r4 r3 r1
          CustomerId IN ('cust-b', 'cust-c')                 | r4 r3 r1
          CustomerId NOT IN ('cust-b', 'cust-c')             | r6 r2 r0
          CustomerId BETWEEN 'cust-a2' AND 'cust-b'          | r6 r4 r1
          CustomerId STARTS_WITH 'cust-a'                    | r6 r2 r0
          CustomerId STARTS_WITH 'CUST'                      |
          CustomerId STARTS_WITH ''                          | r6 r4 r3 r2 r1 r0
          CustomerId IS NULL                                 | r7 r5
          CustomerId IS NOT NULL                             | r6 r4 r3 r2 r1 r0
          """)
  void filtersByKeywordAttributes(String query, String expected) {
    assertListing(query, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Amount = 100                  | r0
          Amount > 100                  | r3 r1
          Amount >= 100                 | r3 r1 r0
          Amount < 50                   | r6 r5
          Amount <= 50                  | r6 r5 r2
          Amount != 0                   | r6 r3 r2 r1 r0
          Amount <> 0                   | r6 r3 r2 r1 r0
          Amount BETWEEN 0 AND 100      | r5 r2 r0
          Amount IN (-20, 999)          | r6 r3
          Amount NOT IN (-20, 999)      | r5 r2 r1 r0
          Amount IS NULL                | r7 r4
          Amount > 10000                |
          Score = 1.5                   | r6 r0
          Score > 1                     | r6 r4 r1 r0
          Score < 0                     | r2
          Score BETWEEN 0 AND 2.5       | r6 r3 r1 r0
          Score IS NULL                 | r7 r5
          Vip = true                    | r5 r2 r0
          Vip = false                   | r6 r3 r1
          Vip != true                   | r6 r3 r1
          NOT Vip = true                | r7 r6 r4 r3 r1
          Vip IN (true, false)          | r6 r5 r3 r2 r1 r0
          Vip IS NULL                   | r7 r4
          DueAt = '2026-03-01T00:00:00Z' | r3
          DueAt > '2026-02-02T00:00:00Z' | r4 r3 r2
          DueAt < '2026-02-01T00:00:00Z' | r6
          DueAt BETWEEN '2026-02-01' AND '2026-02-15' | r4 r2 r1 r0
          DueAt IS NULL                 | r7 r5
          """)
  void filtersByNumberBoolAndDatetimeAttributes(String query, String expected) {
    assertListing(query, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Notes = 'refund'               | r4 r2 r0
          Notes = 'EXPRESS'              | r3 r1
          Notes = 'ship'                 | r1
          Notes = 'wrap, ex'             | r3
          Notes != 'refund'              | r5 r3 r1
          NOT Notes = 'refund'           | r7 r6 r5 r3 r1
          Notes STARTS_WITH 'refund'     | r2 r0
          Notes STARTS_WITH 'gift wrap'  | r3
          Notes = '%'                    | r5
          Notes = '_'                    |
          Notes STARTS_WITH '%'          |
          Notes IS NULL                  | r7 r6
          """)
  void filtersByTextAttributes(String query, String expected) {
    assertListing(query, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          WorkflowType = 'Order' AND (Amount > 100 OR Vip = true)            | r5 r3 r1 r0
          WorkflowType = 'Order' AND Amount > 100 OR Vip = true              | r5 r3 r2 r1 r0
          ExecutionStatus = 'Running' AND CustomerId IS NULL                 | r7 r5
          NOT (CustomerId = 'cust-a' OR Amount > 100)                        | r7 r6 r5 r4
          NOT NOT Vip = true                                                 | r5 r2 r0
          TaskQueue = 'main' AND NOT Status = 'Running' AND Score >= 1.5     | r1 r0
          CustomerId STARTS_WITH 'cust-' AND Notes = 'refund' AND DueAt >= '2026-02-02' | r4 r2
          (Amount < 0 OR Score < 0) AND (Vip = false OR Vip = true)          | r6 r2
          Amount = 100 OR Amount = 250 OR Amount = 999 OR Amount IS NULL    | r7 r4 r3 r1 r0
          """)
  void combinesConditions(String query, String expected) {
    assertListing(query, expected);
  }

  @Test
  void aRunWithoutTheAttributeIsExcludedByEqualityAndIncludedByIsNull() {
    assertThat(ids(list("Vip = true OR Vip = false"))).doesNotContain("r4", "r7");
    assertThat(ids(list("Vip IS NULL"))).containsExactly("r7", "r4");
  }

  @Test
  void theSimpleConditionsOfTheQueryApplyToo() {
    RunQuery query =
        new RunQuery(NAMESPACE, RunStatus.RUNNING, null, null, 100, null)
            .withFilter(RunFilterParser.parse("WorkflowType = 'Order'", VisibilityData.KNOWN));

    assertThat(ids(store.listRuns(query).runs())).containsExactly("r7", "r5", "r3");
    assertThat(store.countRuns(query)).isEqualTo(3);
  }

  @Test
  void anAttributeStoredWithAnotherTypeDoesNotMatch() {
    Map<String, SearchAttributeType> amountAsKeyword =
        Map.of("Amount", SearchAttributeType.KEYWORD);

    assertThat(ids(list("Amount = '100'", amountAsKeyword))).isEmpty();
    assertThat(ids(list("Amount IS NULL", amountAsKeyword))).hasSize(8);
  }

  @Test
  void otherNamespacesAreNotListed() {
    commitOk(TestData.run("elsewhere").namespace("other").workflowType("Refund").insert());

    assertThat(ids(list("WorkflowType = 'Refund'"))).containsExactly("r4", "r2");
  }

  @Test
  void keywordPrefixesMatchExactlyAtTheEndOfUnicode() {
    String last = new String(Character.toChars(Character.MAX_CODE_POINT));
    commitOk(
        new Write.UpsertSearchAttributes(
            "r7", Map.of("CustomerId", SearchAttributeValue.ofKeyword("z" + last + "!"))));
    commitOk(
        new Write.UpsertSearchAttributes(
            "r5", Map.of("CustomerId", SearchAttributeValue.ofKeyword("zé"))));

    assertThat(ids(list("CustomerId STARTS_WITH 'z" + last + "'"))).containsExactly("r7");
    assertThat(ids(list("CustomerId STARTS_WITH 'z'"))).containsExactly("r7", "r5");
    assertThat(ids(list("CustomerId = 'zé'"))).containsExactly("r5");
  }

  private void assertListing(String query, String expected) {
    List<String> ids = expected == null ? List.of() : Arrays.asList(expected.trim().split("\\s+"));
    RunQuery q = query(query, VisibilityData.KNOWN);

    assertThat(ids(store.listRuns(q).runs())).as(query).containsExactlyElementsOf(ids);
    assertThat(store.countRuns(q)).as("count of " + query).isEqualTo(ids.size());
  }

  private List<RunRecord> list(String query) {
    return list(query, VisibilityData.KNOWN);
  }

  private List<RunRecord> list(String query, Map<String, SearchAttributeType> known) {
    return store.listRuns(query(query, known)).runs();
  }

  private static RunQuery query(String query, Map<String, SearchAttributeType> known) {
    return new RunQuery(NAMESPACE, 100).withFilter(RunFilterParser.parse(query, known));
  }

  private static List<String> ids(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::runId).toList();
  }
}
