package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query language: every error names the problem, the offending token and its position. */
class RunFilterParserErrorTest {

  static FilterSyntaxException error(String query) {
    FilterSyntaxException e =
        catchThrowableOfType(
            FilterSyntaxException.class,
            () -> RunFilterParser.parse(query, RunFilterParserTest.KNOWN));
    assertThat(e).as("error of %s", query).isNotNull();
    return e;
  }

  static void assertError(String query, String message, int position) {
    FilterSyntaxException e = error(query);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.position()).isEqualTo(position);
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingValue() {
    assertError(
        "Amount > 1 AND (Amount <= )", "unexpected token ')' at position 27: expected a value", 27);
    assertError("Amount >", "unexpected end of query at position 9: expected a value", 9);
  }

  @Test
  void anUnknownFieldListsTheKnownOnes() {
    assertError(
        "Custmer = 'x'",
        "unknown field 'Custmer' at position 1; known: Amount, CloseTime, CustomerId, Desc, DueAt,"
            + " ExecutionStatus, Notes, Order Note, Paused, RunId, Score, StartTime, TaskQueue, Vip,"
            + " WorkflowId, WorkflowType",
        1);
  }

  @Test
  void attributeNamesAreCaseSensitive() {
    assertThat(error("amount = 1").getMessage())
        .startsWith("unknown field 'amount' at position 1;");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Amount = 'abc'                | 'abc' at position 10 is not a valid INT for 'Amount'   | 10
          Amount = 1.5                  | '1.5' at position 10 is not a valid INT for 'Amount'   | 10
          Amount = 99999999999999999999 | '99999999999999999999' at position 10 is not a valid INT for 'Amount' | 10
          Amount = true                 | 'true' at position 10 is not a valid INT for 'Amount'  | 10
          Score = 'x'                   | 'x' at position 9 is not a valid DOUBLE for 'Score'    | 9
          Score = 1e999                 | '1e999' at position 9 is not a valid DOUBLE for 'Score' | 9
          Vip = 1                       | '1' at position 7 is not a valid BOOL for 'Vip' (true or false) | 7
          Vip = 'true'                  | 'true' at position 7 is not a valid BOOL for 'Vip' (true or false) | 7
          WorkflowId = 42               | '42' at position 14 is not a valid KEYWORD for 'WorkflowId' (quote strings) | 14
          Notes = 42                    | '42' at position 9 is not a valid TEXT for 'Notes' (quote strings) | 9
          DueAt = '2026-13-01'          | '2026-13-01' at position 9 is not a valid DATETIME for 'DueAt' (use a quoted RFC 3339 time like '2026-01-01T00:00:00Z' or '2026-12-06T10:00:00.250+01:00') | 9
          StartTime > 1767225600000     | '1767225600000' at position 13 is not a valid DATETIME for 'StartTime' (use a quoted RFC 3339 time like '2026-01-01T00:00:00Z' or '2026-12-06T10:00:00.250+01:00') | 13
          Status = 'Runing'             | 'Runing' at position 10 is not a valid status for 'ExecutionStatus'; one of Running, Completed, Failed, Canceled, Terminated, ContinuedAsNew, TimedOut | 10
          """)
  void aValueOfTheWrongType(String query, String message, int position) {
    assertError(query, message, position);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Notes < 'x'             | operator '<' at position 7 is not supported: TEXT field 'Notes' supports only = (contains), != (does not contain), STARTS_WITH and IS NULL | 7
          Notes IN ('x')          | operator 'IN' at position 7 is not supported: TEXT field 'Notes' supports only = (contains), != (does not contain), STARTS_WITH and IS NULL | 7
          Notes NOT IN ('x')      | operator 'IN' at position 11 is not supported: TEXT field 'Notes' supports only = (contains), != (does not contain), STARTS_WITH and IS NULL | 11
          Vip BETWEEN true AND false | operator 'BETWEEN' at position 5 is not supported: BOOL field 'Vip' supports only =, !=, IN and IS NULL | 5
          Status > 'Running'      | operator '>' at position 8 is not supported: status field 'ExecutionStatus' supports only =, !=, IN and IS NULL | 8
          Amount STARTS_WITH '1'  | operator 'STARTS_WITH' at position 8 is not supported: INT field 'Amount' supports only =, !=, <, <=, >, >=, IN, BETWEEN and IS NULL | 8
          StartTime STARTS_WITH '2026' | operator 'STARTS_WITH' at position 11 is not supported: DATETIME field 'StartTime' supports only =, !=, <, <=, >, >=, IN, BETWEEN and IS NULL | 11
          """)
  void anOperatorTheFieldDoesNotSupport(String query, String message, int position) {
    assertError(query, message, position);
  }

  @Test
  void orderByRefusesTextAndRepeatedFields() {
    assertError(
        "ORDER BY Amount, Notes DESC",
        "cannot order by 'Notes' at position 18: TEXT field 'Notes' cannot be sorted",
        18);
    assertError(
        "ORDER BY Amount, StartTime, amount",
        "unknown field 'amount' at position 29; known: Amount, CloseTime, CustomerId, Desc, DueAt,"
            + " ExecutionStatus, Notes, Order Note, Paused, RunId, Score, StartTime, TaskQueue, Vip,"
            + " WorkflowId, WorkflowType",
        29);
    assertError("ORDER BY Status, status", "'status' at position 18 is already in ORDER BY", 18);
    assertError(
        "ORDER Amount", "unexpected token 'Amount' at position 7: expected BY after ORDER", 7);
    assertError("ORDER BY", "unexpected end of query at position 9: expected a field name", 9);
    assertError(
        "ORDER BY Amount DESC Vip",
        "unexpected token 'Vip' at position 22: expected AND, OR, ORDER BY or the end of the query",
        22);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          (Amount = 1                | unexpected end of query at position 12: expected ')', AND or OR | 12
          Amount = 1)                | unexpected token ')' at position 11: expected AND, OR, ORDER BY or the end of the query | 11
          Amount = 1 Vip = true      | unexpected token 'Vip' at position 12: expected AND, OR, ORDER BY or the end of the query | 12
          Amount = 1 AND             | unexpected end of query at position 15: expected a field name | 15
          Amount = NULL              | unexpected token 'NULL' at position 10: expected a value (use IS NULL to find runs without a value) | 10
          WorkflowType = Order       | unexpected token 'Order' at position 16: expected a value (quote strings) | 16
          Amount IS 5                | unexpected token '5' at position 11: expected NULL or NOT NULL | 11
          Amount IS NOT 5            | unexpected token '5' at position 15: expected NULL | 15
          Amount NOT 5               | unexpected token '5' at position 12: expected IN after NOT | 12
          Amount IN ()               | unexpected token ')' at position 12: expected a value | 12
          Amount IN 1                | unexpected token '1' at position 11: expected '(' after IN | 11
          Amount IN (1 2)            | unexpected token '2' at position 14: expected ',' or ')' | 14
          Amount BETWEEN 1 OR 2      | unexpected token 'OR' at position 18: expected AND between the bounds of BETWEEN | 18
          AND = 1                    | unexpected token 'AND' at position 1: expected a field name | 1
          = 1                        | unexpected token '=' at position 1: expected a field name | 1
          Amount                     | unexpected end of query at position 7: expected an operator (=, !=, <>, <, <=, >, >=, IN, NOT IN, BETWEEN, IS NULL, STARTS_WITH) | 7
          Amount LIKE 1              | unexpected token 'LIKE' at position 8: expected an operator (=, !=, <>, <, <=, >, >=, IN, NOT IN, BETWEEN, IS NULL, STARTS_WITH) | 8
          ()                         | unexpected token ')' at position 2: expected a field name | 2
          """)
  void aTokenWhereItDoesNotBelong(String query, String message, int position) {
    assertError(query, message, position);
  }

  @Test
  void lexicalErrors() {
    assertError("CustomerId = 'abc", "unterminated string starting at position 14", 14);
    assertError("CustomerId = \"abc'", "unterminated string starting at position 14", 14);
    assertError("`Order Note = 'x'", "unterminated `name` starting at position 1", 1);
    assertError("Amount # 1", "unexpected character '#' at position 8", 8);
    assertError("Amount ! 1", "unexpected character '!' at position 8: expected !=", 8);
    assertError("Amount = 12abc", "malformed number '12abc' at position 10 (quote strings)", 10);
  }

  @Test
  void nestingIsBounded() {
    String deep = "(".repeat(64) + "Amount = 1" + ")".repeat(64);
    String deeper = "NOT ".repeat(32) + "(".repeat(33) + "Amount = 1" + ")".repeat(33);

    assertThat(RunFilterParser.parse(deep, RunFilterParserTest.KNOWN).filter()).isNotNull();
    assertError(deeper, "'(' at position 161 nests deeper than 64", 161);
    assertThat(error("(".repeat(100_000)).position()).isEqualTo(65);
  }

  @Test
  void aBackquotedNameIsStillCheckedAgainstTheKnownOnes() {
    assertThat(error("`Nope` = 'x'").getMessage())
        .startsWith("unknown field `Nope` at position 1;");
  }
}
