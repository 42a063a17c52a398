package dev.weft.store;

import static dev.weft.store.RunField.BuiltIn.CLOSE_TIME;
import static dev.weft.store.RunField.BuiltIn.EXECUTION_STATUS;
import static dev.weft.store.RunField.BuiltIn.RUN_ID;
import static dev.weft.store.RunField.BuiltIn.START_TIME;
import static dev.weft.store.RunField.BuiltIn.TASK_QUEUE;
import static dev.weft.store.RunField.BuiltIn.WORKFLOW_ID;
import static dev.weft.store.RunField.BuiltIn.WORKFLOW_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.RunFilter.And;
import dev.weft.store.RunFilter.Between;
import dev.weft.store.RunFilter.Comparison;
import dev.weft.store.RunFilter.In;
import dev.weft.store.RunFilter.IsNull;
import dev.weft.store.RunFilter.Not;
import dev.weft.store.RunFilter.Op;
import dev.weft.store.RunFilter.Or;
import dev.weft.store.RunFilter.StartsWith;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query language: what valid queries parse to. */
class RunFilterParserTest {
  static final Map<String, SearchAttributeType> KNOWN =
      Map.of(
          "CustomerId", SearchAttributeType.KEYWORD,
          "Notes", SearchAttributeType.TEXT,
          "Amount", SearchAttributeType.INT,
          "Score", SearchAttributeType.DOUBLE,
          "Vip", SearchAttributeType.BOOL,
          "DueAt", SearchAttributeType.DATETIME,
          "Order Note", SearchAttributeType.KEYWORD,
          "Desc", SearchAttributeType.KEYWORD);

  static final RunField CUSTOMER = RunField.attribute("CustomerId", SearchAttributeType.KEYWORD);
  static final RunField NOTES = RunField.attribute("Notes", SearchAttributeType.TEXT);
  static final RunField AMOUNT = RunField.attribute("Amount", SearchAttributeType.INT);
  static final RunField SCORE = RunField.attribute("Score", SearchAttributeType.DOUBLE);
  static final RunField VIP = RunField.attribute("Vip", SearchAttributeType.BOOL);
  static final RunField DUE_AT = RunField.attribute("DueAt", SearchAttributeType.DATETIME);

  static RunFilter filter(String query) {
    return RunFilterParser.parse(query, KNOWN).filter();
  }

  static Comparison eq(RunField field, Object value) {
    return new Comparison(field, Op.EQ, value);
  }

  @Test
  void aBlankQueryHasNoFilterAndTheDefaultOrder() {
    ParsedQuery parsed = RunFilterParser.parse("  ", KNOWN);

    assertThat(parsed.filter()).isNull();
    assertThat(parsed.orderBy()).isEmpty();
  }

  @Test
  void aComparisonOfABuiltInField() {
    assertThat(filter("WorkflowType = 'Order'")).isEqualTo(eq(WORKFLOW_TYPE, "Order"));
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(filter("Amount = 1 OR Amount = 2 AND Vip = true"))
        .isEqualTo(
            new Or(List.of(eq(AMOUNT, 1L), new And(List.of(eq(AMOUNT, 2L), eq(VIP, true))))));
    assertThat(filter("Amount = 1 AND Amount = 2 OR Vip = true"))
        .isEqualTo(
            new Or(List.of(new And(List.of(eq(AMOUNT, 1L), eq(AMOUNT, 2L))), eq(VIP, true))));
  }

  @Test
  void parenthesesGroup() {
    assertThat(filter("(Amount = 1 OR Amount = 2) AND Vip = true"))
        .isEqualTo(
            new And(List.of(new Or(List.of(eq(AMOUNT, 1L), eq(AMOUNT, 2L))), eq(VIP, true))));
    assertThat(filter("((Amount = 1))")).isEqualTo(eq(AMOUNT, 1L));
  }

  @Test
  void notBindsTighterThanAndAndNests() {
    assertThat(filter("NOT Amount = 1 AND Vip = true"))
        .isEqualTo(new And(List.of(new Not(eq(AMOUNT, 1L)), eq(VIP, true))));
    assertThat(filter("NOT (Amount = 1 OR Vip = true)"))
        .isEqualTo(new Not(new Or(List.of(eq(AMOUNT, 1L), eq(VIP, true)))));
    assertThat(filter("not not Amount = 1")).isEqualTo(new Not(new Not(eq(AMOUNT, 1L))));
  }

  @Test
  void chainsOfOneOperatorAreFlat() {
    assertThat(filter("Amount = 1 and Amount = 2 AND Amount = 3"))
        .isEqualTo(new And(List.of(eq(AMOUNT, 1L), eq(AMOUNT, 2L), eq(AMOUNT, 3L))));
    assertThat(filter("Amount = 1 or Amount = 2 OR Amount = 3"))
        .isEqualTo(new Or(List.of(eq(AMOUNT, 1L), eq(AMOUNT, 2L), eq(AMOUNT, 3L))));
  }

  @ParameterizedTest
  @CsvSource({"=, EQ", "!=, NE", "<>, NE", "<, LT", "<=, LE", ">, GT", ">=, GE"})
  void everyComparisonOperator(String symbol, Op op) {
    assertThat(filter("Amount " + symbol + " 5")).isEqualTo(new Comparison(AMOUNT, op, 5L));
    assertThat(filter("Amount" + symbol + "5")).isEqualTo(new Comparison(AMOUNT, op, 5L));
  }

  @Test
  void inAndNotIn() {
    assertThat(filter("CustomerId IN ('a', \"b\", 'c')"))
        .isEqualTo(new In(CUSTOMER, List.of("a", "b", "c"), false));
    assertThat(filter("Amount not in (1)")).isEqualTo(new In(AMOUNT, List.of(1L), true));
    assertThat(filter("Status IN ('Running', 'COMPLETED')"))
        .isEqualTo(
            new In(
                EXECUTION_STATUS,
                List.of(WorkflowStatus.RUNNING, WorkflowStatus.COMPLETED),
                false));
  }

  @Test
  void betweenTakesItsOwnAnd() {
    assertThat(filter("Amount BETWEEN 1 AND 10 AND Vip = true"))
        .isEqualTo(new And(List.of(new Between(AMOUNT, 1L, 10L), eq(VIP, true))));
    assertThat(filter("StartTime between '2026-01-01T00:00:00Z' and '2026-02-01T00:00:00Z'"))
        .isEqualTo(
            new Between(
                START_TIME,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z")));
  }

  @Test
  void isNullAndIsNotNull() {
    assertThat(filter("CloseTime IS NULL")).isEqualTo(new IsNull(CLOSE_TIME, false));
    assertThat(filter("Notes is not null")).isEqualTo(new IsNull(NOTES, true));
  }

  @Test
  void startsWith() {
    assertThat(filter("WorkflowId STARTS_WITH 'order-'"))
        .isEqualTo(new StartsWith(WORKFLOW_ID, "order-"));
    assertThat(filter("Notes starts_with 'refund'")).isEqualTo(new StartsWith(NOTES, "refund"));
  }

  @Test
  void orderByOneOrSeveralFieldsAscendingByDefault() {
    ParsedQuery parsed =
        RunFilterParser.parse("Amount > 0 ORDER BY Amount DESC, StartTime, CustomerId asc", KNOWN);

    assertThat(parsed.filter()).isEqualTo(new Comparison(AMOUNT, Op.GT, 0L));
    assertThat(parsed.orderBy())
        .containsExactly(RunOrder.desc(AMOUNT), RunOrder.asc(START_TIME), RunOrder.asc(CUSTOMER));
    assertThat(RunFilterParser.parse("order by CloseTime desc", KNOWN))
        .isEqualTo(new ParsedQuery(null, List.of(RunOrder.desc(CLOSE_TIME))));
  }

  @Test
  void quotedStringsWithEscapes() {
    assertThat(filter("CustomerId = 'O\\'Brien'")).isEqualTo(eq(CUSTOMER, "O'Brien"));
    assertThat(filter("CustomerId = 'it''s'")).isEqualTo(eq(CUSTOMER, "it's"));
    assertThat(filter("CustomerId = \"say \\\"hi\\\"\"")).isEqualTo(eq(CUSTOMER, "say \"hi\""));
    assertThat(filter("CustomerId = \"it's\"")).isEqualTo(eq(CUSTOMER, "it's"));
    assertThat(filter("CustomerId = ''")).isEqualTo(eq(CUSTOMER, ""));
    assertThat(filter("CustomerId = 'a\\\\b'")).isEqualTo(eq(CUSTOMER, "a\\b"));
  }

  @Test
  void backquotedNames() {
    RunField note = RunField.attribute("Order Note", SearchAttributeType.KEYWORD);
    RunField desc = RunField.attribute("Desc", SearchAttributeType.KEYWORD);

    assertThat(filter("`Order Note` = 'x'")).isEqualTo(eq(note, "x"));
    assertThat(filter("`CustomerId` = 'x'")).isEqualTo(eq(CUSTOMER, "x"));
    assertThat(filter("`Desc` = 'x'")).isEqualTo(eq(desc, "x"));
    assertThat(RunFilterParser.parse("ORDER BY `Desc` DESC", KNOWN).orderBy())
        .containsExactly(RunOrder.desc(desc));
  }

  @Test
  void builtInNamesIgnoreCaseAndStatusIsAnAlias() {
    assertThat(filter("workflowid = 'w'")).isEqualTo(eq(WORKFLOW_ID, "w"));
    assertThat(filter("RUNID = 'r'")).isEqualTo(eq(RUN_ID, "r"));
    assertThat(filter("TaskQueue = 'q'")).isEqualTo(eq(TASK_QUEUE, "q"));
    assertThat(filter("status = 'Running'"))
        .isEqualTo(eq(EXECUTION_STATUS, WorkflowStatus.RUNNING));
    assertThat(filter("ExecutionStatus = 'Running'"))
        .isEqualTo(eq(EXECUTION_STATUS, WorkflowStatus.RUNNING));
  }

  @ParameterizedTest
  @CsvSource({
    "Running, RUNNING",
    "RUNNING, RUNNING",
    "completed, COMPLETED",
    "ContinuedAsNew, CONTINUED_AS_NEW",
    "CONTINUED_AS_NEW, CONTINUED_AS_NEW",
    "timed_out, TIMED_OUT",
    "Canceled, CANCELED",
    "Terminated, TERMINATED",
    "Failed, FAILED"
  })
  void statusValuesInAnyCaseWithOrWithoutUnderscores(String written, WorkflowStatus status) {
    assertThat(filter("ExecutionStatus = '" + written + "'"))
        .isEqualTo(eq(EXECUTION_STATUS, status));
  }

  @Test
  void numbersBooleansAndTimes() {
    assertThat(filter("Amount = -42")).isEqualTo(eq(AMOUNT, -42L));
    assertThat(filter("Score = 3")).isEqualTo(eq(SCORE, 3.0));
    assertThat(filter("Score > -1.25")).isEqualTo(new Comparison(SCORE, Op.GT, -1.25));
    assertThat(filter("Score < 1.5e3")).isEqualTo(new Comparison(SCORE, Op.LT, 1500.0));
    assertThat(filter("Vip = TRUE")).isEqualTo(eq(VIP, true));
    assertThat(filter("Vip != false")).isEqualTo(new Comparison(VIP, Op.NE, false));
    assertThat(filter("DueAt = '2026-03-01T10:15:30Z'"))
        .isEqualTo(eq(DUE_AT, Instant.parse("2026-03-01T10:15:30Z")));
    assertThat(filter("DueAt = '2026-03-01T12:15:30+02:00'"))
        .isEqualTo(eq(DUE_AT, Instant.parse("2026-03-01T10:15:30Z")));
    assertThat(filter("DueAt = '2026-03-01'"))
        .isEqualTo(eq(DUE_AT, Instant.parse("2026-03-01T00:00:00Z")));
  }

  @Test
  void timesAreTruncatedToMilliseconds() {
    assertThat(filter("StartTime = '2026-03-01T10:15:30.123456789Z'"))
        .isEqualTo(eq(START_TIME, Instant.parse("2026-03-01T10:15:30.123Z")));
  }

  @Test
  void aBuiltInWinsOverAKnownAttributeOfTheSameName() {
    ParsedQuery parsed =
        RunFilterParser.parse(
            "WorkflowType = 'x'", Map.of("WorkflowType", SearchAttributeType.INT));

    assertThat(parsed.filter()).isEqualTo(eq(WORKFLOW_TYPE, "x"));
  }
}
