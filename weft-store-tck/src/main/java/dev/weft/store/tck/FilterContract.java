package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.VisibilityData.KNOWN;
import static dev.weft.store.tck.VisibilityQueries.expectedIds;
import static dev.weft.store.tck.VisibilityQueries.ids;
import static dev.weft.store.tck.VisibilityQueries.listIds;
import static dev.weft.store.tck.VisibilityQueries.query;
import static dev.weft.store.tck.VisibilityQueries.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.RunField;
import dev.weft.store.RunFilter;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunOrder;
import dev.weft.store.RunQuery;
import dev.weft.store.SearchAttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins {@code listRuns} and {@code countRuns} with a {@link RunFilter}, mostly over the runs of
 * {@link VisibilityData} (the tables list the expected runs newest first, {@code -} for none, and
 * the count must match): every operator on every search attribute type and on the built-in fields
 * (names ignoring case, {@code Status} for {@code ExecutionStatus}), AND / OR / NOT with their
 * precedence and parentheses, and a filter built without the parser. TEXT matches a substring
 * ignoring case, with LIKE's wildcards taken literally; KEYWORD compares exactly, in code point
 * order, prefixes included.
 *
 * <p>As {@link RunFilter} documents, a predicate is false for a run without a value ({@code !=} and
 * {@code NOT IN} included), {@code IS NULL} matches exactly those runs, and {@code NOT} is the
 * exact complement of what it negates. A filter only sees values stored with its type, only runs of
 * the query's namespace, and applies together with the simple conditions of {@link RunQuery};
 * {@code countRuns} applies the filter and ignores order, page size and page token.
 */
public abstract class FilterContract extends StoreContract {

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Amount = 100                     | r0
          Amount != 100                    | r6 r5 r3 r2 r1
          Amount <> 100                    | r6 r5 r3 r2 r1
          Amount < 50                      | r6 r5
          Amount <= 50                     | r6 r5 r2
          Amount > 250                     | r3
          Amount >= 250                    | r3 r1
          Amount < 0                       | r6
          Amount > -21                     | r6 r5 r3 r2 r1 r0
          Amount IN (0, 100, 7)            | r5 r0
          Amount NOT IN (0, 100)           | r6 r3 r2 r1
          Amount BETWEEN 0 AND 100         | r5 r2 r0
          Amount BETWEEN 100 AND 0         | -
          Amount IS NULL                   | r7 r4
          Amount IS NOT NULL               | r6 r5 r3 r2 r1 r0
          Amount > 0 AND Amount < 200      | r2 r0
          """)
  void intAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Score = 1.5                      | r6 r0
          Score != 1.5                     | r4 r3 r2 r1
          Score < 0                        | r2
          Score <= 0                       | r3 r2
          Score > 2.5                      | r4
          Score >= 2.5                     | r4 r1
          Score = 0                        | r3
          Score = -1                       | r2
          Score BETWEEN -1 AND 1.5         | r6 r3 r2 r0
          Score IN (2.5, 3.25, 7)          | r4 r1
          Score NOT IN (1.5)               | r4 r3 r2 r1
          Score IS NULL                    | r7 r5
          Score > 1e-3                     | r6 r4 r1 r0
          """)
  void doubleAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          DueAt = '2026-02-01'                                  | r0
          DueAt = '2026-02-01T00:00:00Z'                        | r0
          DueAt = '2026-02-01T01:00:00+01:00'                   | r0
          DueAt < '2026-02-01'                                  | r6
          DueAt <= '2026-02-01'                                 | r6 r0
          DueAt > '2026-02-15'                                  | r3
          DueAt >= '2026-02-15'                                 | r4 r3
          DueAt > '2026-02-01T00:00:00.001Z'                    | r4 r3 r2 r1
          DueAt > '2026-01-31T23:59:59.999Z'                    | r4 r3 r2 r1 r0
          DueAt BETWEEN '2026-02-01' AND '2026-02-03'           | r2 r1 r0
          DueAt IN ('2026-01-15', '2026-03-01T00:00:00Z')       | r6 r3
          DueAt NOT IN ('2026-01-15', '2026-03-01')             | r4 r2 r1 r0
          DueAt IS NULL                                         | r7 r5
          """)
  void datetimeAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          CustomerId = 'cust-a'                          | r2 r0
          CustomerId = 'CUST-A'                          | -
          CustomerId = 'cust'                            | -
          CustomerId < 'cust-b'                          | r6 r2 r0
          CustomerId <= 'cust-b'                         | r6 r4 r2 r1 r0
          CustomerId > 'cust-a'                          | r6 r4 r3 r1
          CustomerId >= 'cust-b'                         | r4 r3 r1
          CustomerId IN ('cust-a', 'cust-c')             | r3 r2 r0
          CustomerId NOT IN ('cust-a', 'cust-c')         | r6 r4 r1
          CustomerId BETWEEN 'cust-a2' AND 'cust-b'      | r6 r4 r1
          CustomerId STARTS_WITH 'cust-a'                | r6 r2 r0
          CustomerId STARTS_WITH 'cust-'                 | r6 r4 r3 r2 r1 r0
          CustomerId STARTS_WITH 'CUST'                  | -
          CustomerId STARTS_WITH 'ust'                   | -
          CustomerId STARTS_WITH ''                      | r6 r4 r3 r2 r1 r0
          CustomerId STARTS_WITH '%'                     | -
          CustomerId IS NULL                             | r7 r5
          CustomerId IS NOT NULL                         | r6 r4 r3 r2 r1 r0
          `CustomerId` = 'cust-c'                        | r3
          """)
  void keywordAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Notes = 'express'                | r3 r1
          Notes = 'REFUND'                 | r4 r2 r0
          Notes = 'wrap, ex'               | r3
          Notes = 'Refund requested by customer' | r0
          Notes = ''                       | r5 r4 r3 r2 r1 r0
          Notes != ''                      | -
          Notes = '%'                      | r5
          Notes = '0% d'                   | r5
          Notes = '_'                      | -
          Notes = '\\\\'                   | -
          Notes STARTS_WITH 'refund'       | r2 r0
          Notes STARTS_WITH 'PARTIAL R'    | r4
          Notes STARTS_WITH '100%'         | r5
          Notes STARTS_WITH '%'            | -
          Notes STARTS_WITH '_'            | -
          Notes STARTS_WITH 'fund'         | -
          Notes IS NULL                    | r7 r6
          Notes IS NOT NULL                | r5 r4 r3 r2 r1 r0
          """)
  void textAttributesMatchContentIgnoringCase(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Vip = true                       | r5 r2 r0
          Vip = TRUE                       | r5 r2 r0
          Vip = false                      | r6 r3 r1
          Vip != false                     | r5 r2 r0
          Vip IN (true, false)             | r6 r5 r3 r2 r1 r0
          Vip IN (true)                    | r5 r2 r0
          Vip NOT IN (true)                | r6 r3 r1
          Vip IS NULL                      | r7 r4
          Vip IS NOT NULL                  | r6 r5 r3 r2 r1 r0
          """)
  void boolAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          WorkflowId = 'order-3'                                  | r3
          WorkflowId != 'order-3'                                 | r7 r6 r5 r4 r2 r1 r0
          WorkflowId STARTS_WITH 'order-'                         | r7 r6 r5 r4 r3 r2 r1 r0
          WorkflowId IN ('order-1', 'order-6', 'nope')            | r6 r1
          WorkflowId > 'order-5'                                  | r7 r6
          WorkflowId IS NULL                                      | -
          RunId IN ('r1', 'r6', 'nope')                           | r6 r1
          RunId BETWEEN 'r2' AND 'r4'                             | r4 r3 r2
          WorkflowType = 'Refund'                                 | r4 r2
          workflowtype = 'Refund'                                 | r4 r2
          WorkflowType != 'Order'                                 | r6 r4 r2
          WorkflowType STARTS_WITH 'Sub'                          | r6
          WorkflowType NOT IN ('Order', 'Refund')                 | r6
          TaskQueue = 'priority'                                  | r4 r3
          TaskQueue < 'p'                                         | r7 r6 r5 r2 r1 r0
          ExecutionStatus = 'Running'                             | r7 r6 r5 r3 r2
          Status = 'COMPLETED'                                    | r0
          Status IN ('Completed', 'Failed')                       | r1 r0
          Status != 'RUNNING'                                     | r4 r1 r0
          ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut') | r4 r1
          ExecutionStatus NOT IN ('Running', 'Completed')         | r4 r1
          ExecutionStatus IS NULL                                 | -
          StartTime = '2026-01-01T00:03:00Z'                      | r3
          StartTime >= '2026-01-01T00:05:00Z'                     | r7 r6 r5
          StartTime < '2026-01-01T00:02:00Z'                      | r1 r0
          StartTime BETWEEN '2026-01-01T00:02:00Z' AND '2026-01-01T00:04:00Z' | r4 r3 r2
          StartTime != '2026-01-01'                               | r7 r6 r5 r4 r3 r2 r1
          CloseTime IS NULL                                       | r7 r6 r5 r3 r2
          CloseTime IS NOT NULL                                   | r4 r1 r0
          CloseTime > '2026-01-01T00:30:00Z'                      | r1 r0
          CloseTime <= '2026-01-01T01:00:00Z'                     | r4 r0
          CloseTime = '2026-01-01T02:00:00Z'                      | r1
          CloseTime BETWEEN '2026-01-01T00:30:00Z' AND '2026-01-01T01:00:00Z' | r4 r0
          CloseTime IN ('2026-01-01T00:30:00Z')                   | r4
          """)
  void builtInFields(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          WorkflowType = 'Order' AND Amount > 50                                     | r3 r1 r0
          WorkflowType = 'Refund' OR Amount < 0                                      | r6 r4 r2
          WorkflowType = 'Refund' OR WorkflowType = 'Subscription' AND Amount > 0    | r4 r2
          (WorkflowType = 'Refund' OR WorkflowType = 'Subscription') AND Amount > 0  | r2
          (WorkflowType = 'Refund' OR WorkflowType = 'Subscription') AND Amount < 0  | r6
          NOT (WorkflowType = 'Order')                                               | r6 r4 r2
          NOT WorkflowType = 'Order' AND TaskQueue = 'main'                          | r6 r2
          NOT (WorkflowType = 'Order' AND TaskQueue = 'main')                        | r6 r4 r3 r2
          NOT (CustomerId = 'cust-a' OR Amount > 200)                                | r7 r6 r5 r4
          NOT (Amount > 0 AND Score > 0)                                             | r7 r6 r5 r4 r3 r2
          NOT (Amount > 0 OR NOT Vip = true)                                         | r5
          NOT NOT CustomerId = 'cust-a'                                              | r2 r0
          Amount > 0 AND NOT (Vip = true)                                            | r3 r1
          TaskQueue = 'main' AND NOT Status = 'Running' AND Score >= 1.5             | r1 r0
          ExecutionStatus = 'Running' AND CustomerId IS NULL                         | r7 r5
          CustomerId STARTS_WITH 'cust-' AND Notes = 'refund' AND DueAt >= '2026-02-02' | r4 r2
          ExecutionStatus = 'Running' AND (CustomerId STARTS_WITH 'cust-a' OR Notes = 'express') | r6 r3 r2
          ((Amount >= 100 OR Score >= 3) AND (TaskQueue = 'main' OR Vip = false))    | r3 r1 r0
          Amount > 100 or Vip = TRUE                                                 | r5 r3 r2 r1 r0
          Amount > 100 aNd Vip = false                                               | r3 r1
          Amount = 100 OR Amount = 250 OR Amount = 999 OR Amount IS NULL             | r7 r4 r3 r1 r0
          """)
  void andOrNotWithParentheses(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  /**
   * What {@link RunFilter} documents for runs without a value: every predicate is false for them,
   * {@code !=} and {@code NOT IN} included, while {@code NOT} of a predicate is its exact
   * complement and so matches them.
   */
  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          CustomerId != 'cust-a'                       | r6 r4 r3 r1
          NOT CustomerId = 'cust-a'                    | r7 r6 r5 r4 r3 r1
          NOT CustomerId != 'cust-a'                   | r7 r5 r2 r0
          CustomerId NOT IN ('cust-a')                 | r6 r4 r3 r1
          NOT CustomerId IN ('cust-a')                 | r7 r6 r5 r4 r3 r1
          NOT CustomerId NOT IN ('cust-a')             | r7 r5 r2 r0
          NOT CustomerId STARTS_WITH 'cust-a'          | r7 r5 r4 r3 r1
          NOT Amount BETWEEN 0 AND 100                 | r7 r6 r4 r3 r1
          NOT Amount > 0                               | r7 r6 r5 r4
          NOT Amount IS NULL                           | r6 r5 r3 r2 r1 r0
          NOT Amount IS NOT NULL                       | r7 r4
          Vip != true                                  | r6 r3 r1
          NOT Vip = true                               | r7 r6 r4 r3 r1
          Notes != 'refund'                            | r5 r3 r1
          NOT Notes = 'refund'                         | r7 r6 r5 r3 r1
          NOT Notes STARTS_WITH 'refund'               | r7 r6 r5 r4 r3 r1
          DueAt != '2026-02-01'                        | r6 r4 r3 r2 r1
          NOT DueAt = '2026-02-01'                     | r7 r6 r5 r4 r3 r2 r1
          Score != 1.5 OR Score = 1.5                  | r6 r4 r3 r2 r1 r0
          NOT (Score != 1.5 OR Score = 1.5)            | r7 r5
          CloseTime != '2026-01-01T01:00:00Z'          | r4 r1
          NOT CloseTime = '2026-01-01T01:00:00Z'       | r7 r6 r5 r4 r3 r2 r1
          NOT CloseTime > '2026-01-01T00:45:00Z'       | r7 r6 r5 r4 r3 r2
          """)
  void runsWithoutAValue(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @Test
  void aBlankQueryMatchesEveryRun() {
    givenCatalog();

    RunQuery blank = query("", 100);

    assertThat(blank.filter()).isNull();
    assertThat(ids(store.listRuns(blank)))
        .containsExactly("r7", "r6", "r5", "r4", "r3", "r2", "r1", "r0");
    assertThat(store.countRuns(blank)).isEqualTo(8);
  }

  @Test
  void theFilterCombinesWithTheSimpleConditionsOfTheQuery() {
    givenCatalog();

    RunQuery running =
        new RunQuery(NAMESPACE, WorkflowStatus.RUNNING, null, null, 100, null)
            .withFilter(RunFilterParser.parse("Amount >= 0", KNOWN));
    RunQuery orders =
        new RunQuery(NAMESPACE, null, "Order", null, 100, null)
            .withFilter(RunFilterParser.parse("Vip = true ORDER BY Amount DESC", KNOWN));
    RunQuery byId =
        new RunQuery(NAMESPACE, null, null, "order-2", 100, null)
            .withFilter(RunFilterParser.parse("CustomerId = 'cust-a'", KNOWN));
    RunQuery none =
        new RunQuery(NAMESPACE, WorkflowStatus.COMPLETED, "Order", null, 100, null)
            .withFilter(RunFilterParser.parse("NOT Vip = true", KNOWN));

    assertThat(ids(store.listRuns(running))).containsExactly("r5", "r3", "r2");
    assertThat(store.countRuns(running)).isEqualTo(3);
    assertThat(ids(store.listRuns(orders))).containsExactly("r0", "r5");
    assertThat(store.countRuns(orders)).isEqualTo(2);
    assertThat(ids(store.listRuns(byId))).containsExactly("r2");
    assertThat(store.countRuns(byId)).isEqualTo(1);
    assertThat(ids(store.listRuns(none))).isEmpty();
    assertThat(store.countRuns(none)).isZero();
  }

  @Test
  void aFilterIsScopedToTheNamespace() {
    givenCatalog();
    commitOk(
        run("x1").namespace("other").startTime(T0.plusSeconds(3600)).insert(),
        upsert("x1", Map.of("Amount", SearchAttributeValue.ofInt(100))));

    RunQuery elsewhere =
        new RunQuery("other", 100).withFilter(RunFilterParser.parse("Amount = 100", KNOWN));

    assertThat(listIds(store, "Amount = 100")).containsExactly("r0");
    assertThat(store.countRuns(query("Amount = 100", 100))).isEqualTo(1);
    assertThat(ids(store.listRuns(elsewhere))).containsExactly("x1");
    assertThat(store.countRuns(elsewhere)).isEqualTo(1);
  }

  @Test
  void aFilterOnlySeesValuesOfItsType() {
    givenCatalog();
    commitOk(upsert("r4", Map.of("CustomerId", SearchAttributeValue.ofInt(7))));
    Map<String, SearchAttributeType> customerIdAsInt =
        Map.of("CustomerId", SearchAttributeType.INT);

    assertThat(listIds(store, "CustomerId = 'cust-b'")).containsExactly("r1");
    assertThat(listIds(store, "CustomerId IS NULL")).containsExactly("r7", "r5", "r4");
    assertThat(listIds(store, "NOT CustomerId STARTS_WITH 'cust'"))
        .containsExactly("r7", "r5", "r4");
    assertThat(listIds(store, "CustomerId = 7", customerIdAsInt)).containsExactly("r4");
    assertThat(listIds(store, "CustomerId IS NOT NULL", customerIdAsInt)).containsExactly("r4");
    assertThat(listIds(store, "Amount = '100'", Map.of("Amount", SearchAttributeType.KEYWORD)))
        .isEmpty();
    assertThat(listIds(store, "Amount = 100", Map.of("Amount", SearchAttributeType.DOUBLE)))
        .isEmpty();
    assertThat(store.findSearchAttributes("r4").get("CustomerId"))
        .isEqualTo(SearchAttributeValue.ofInt(7));
    assertThat(listIds(store, "ORDER BY CustomerId DESC"))
        .containsExactly("r3", "r1", "r6", "r2", "r0", "r7", "r5", "r4");
  }

  @Test
  void aFilterBuiltWithoutTheParserWorksTheSame() {
    givenCatalog();
    RunField amount = RunField.attribute("Amount", SearchAttributeType.INT);
    RunField customer = RunField.attribute("CustomerId", SearchAttributeType.KEYWORD);
    RunFilter filter =
        RunFilter.or(
            RunFilter.and(
                new RunFilter.Comparison(RunField.BuiltIn.WORKFLOW_TYPE, RunFilter.Op.EQ, "Order"),
                new RunFilter.Comparison(amount, RunFilter.Op.GT, 100L)),
            new RunFilter.Not(new RunFilter.In(customer, List.of("cust-a", "cust-b"), false)));
    RunQuery query =
        new RunQuery(NAMESPACE, 100)
            .withFilter(
                filter, List.of(RunOrder.asc(amount), RunOrder.desc(RunField.BuiltIn.START_TIME)));

    // matches: r1 (Order, 250), r3 (Order, 999), and the runs whose CustomerId is neither
    // cust-a nor cust-b, missing included: r3, r5, r6, r7
    assertThat(ids(store.listRuns(query))).containsExactly("r6", "r5", "r1", "r3", "r7");
    assertThat(store.countRuns(query)).isEqualTo(5);
  }

  @Test
  void keywordsCompareAndSortInCodePointOrder() {
    Map<String, SearchAttributeType> known = Map.of("Key", SearchAttributeType.KEYWORD);
    // code point order; UTF-16 order would put U+1F600 (a surrogate pair) before U+FFFD
    List<String> values = List.of("B", "a", "é", "\uFFFD", "\uD83D\uDE00");
    for (int i = 0; i < values.size(); i++) {
      commitOk(
          run("u" + i).startTime(T0.plusSeconds(60L * i)).insert(),
          upsert("u" + i, Map.of("Key", SearchAttributeValue.ofKeyword(values.get(i)))));
    }

    assertThat(listIds(store, "ORDER BY Key ASC", known))
        .containsExactly("u0", "u1", "u2", "u3", "u4");
    assertThat(listIds(store, "ORDER BY Key DESC", known))
        .containsExactly("u4", "u3", "u2", "u1", "u0");
    assertThat(listIds(store, "Key > '\uFFFD'", known)).containsExactly("u4");
    assertThat(listIds(store, "Key < 'a'", known)).containsExactly("u0");
    assertThat(listIds(store, "Key BETWEEN 'a' AND '\uFFFD'", known))
        .containsExactly("u3", "u2", "u1");
    assertThat(listIds(store, "Key STARTS_WITH '\uD83D\uDE00'", known)).containsExactly("u4");
    assertThat(listIds(store, "Key STARTS_WITH '\uFFFD'", known)).containsExactly("u3");
  }

  @Test
  void keywordPrefixesEndingWithTheLastCodePointMatchExactly() {
    Map<String, SearchAttributeType> known = Map.of("Key", SearchAttributeType.KEYWORD);
    String last = new String(Character.toChars(Character.MAX_CODE_POINT));
    List<String> values = List.of("x" + last, "x" + last + "y", "x", "y", "x\uFFFF");
    for (int i = 0; i < values.size(); i++) {
      commitOk(
          run("u" + i).startTime(T0.plusSeconds(60L * i)).insert(),
          upsert("u" + i, Map.of("Key", SearchAttributeValue.ofKeyword(values.get(i)))));
    }

    assertThat(listIds(store, "Key STARTS_WITH 'x" + last + "'", known))
        .containsExactly("u1", "u0");
    assertThat(listIds(store, "Key STARTS_WITH 'x'", known))
        .containsExactly("u4", "u2", "u1", "u0");
    assertThat(listIds(store, "Key STARTS_WITH 'x\uFFFF'", known)).containsExactly("u4");
  }

  @Test
  void countAppliesTheFilterAndIgnoresOrderPageSizeAndToken() {
    givenCatalog();
    RunQuery ordered = query("Amount >= 0 ORDER BY Amount DESC", 2);
    RunQuery newestFirst = query("Amount >= 0", 2);
    String offsetToken = store.listRuns(ordered).nextPageToken();
    String keysetToken = store.listRuns(newestFirst).nextPageToken();

    assertThat(store.countRuns(ordered)).isEqualTo(5);
    assertThat(store.countRuns(ordered.withPageToken(offsetToken))).isEqualTo(5);
    assertThat(store.countRuns(newestFirst.withPageToken(keysetToken))).isEqualTo(5);
    assertThat(store.countRuns(query("Amount >= 0 ORDER BY Score", 1))).isEqualTo(5);
    assertThat(
            store.countRuns(query("Amount >= 0 ORDER BY Amount", 1).withPageToken("not a token")))
        .isEqualTo(5);
    assertThat(store.countRuns(query("ORDER BY Amount", 1))).isEqualTo(8);
  }

  private void givenCatalog() {
    commitOk(VisibilityData.catalogBatch());
  }

  /** Creates the catalog and asserts that the filter lists and counts exactly the expected runs. */
  private void assertCatalogMatches(String filter, String expected) {
    givenCatalog();
    List<String> want = expectedIds(expected);
    RunQuery query = query(filter, VisibilityQueries.ONE_PAGE);

    assertThat(ids(store.listRuns(query))).as(filter).containsExactlyElementsOf(want);
    assertThat(store.countRuns(query)).as("count of " + filter).isEqualTo(want.size());
  }
}
