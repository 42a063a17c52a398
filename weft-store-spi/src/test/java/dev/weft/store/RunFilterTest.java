package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.RunFilter.Comparison;
import dev.weft.store.RunFilter.Op;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter records, values, writes and queries validate what they are given. */
class RunFilterTest {
  static final RunField AMOUNT = RunField.attribute("Amount", SearchAttributeType.INT);
  static final RunField NOTES = RunField.attribute("Notes", SearchAttributeType.TEXT);

  @Test
  void aComparisonChecksItsValueAndOperator() {
    assertThatThrownBy(() -> new Comparison(AMOUNT, Op.EQ, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a value of INT field 'Amount' must be a Long, was a Integer (5)");
    assertThatThrownBy(() -> new Comparison(NOTES, Op.LT, "x"))
        .hasMessageStartingWith("operator < is not supported: TEXT field 'Notes' supports only");
    assertThatThrownBy(() -> new Comparison(RunField.BuiltIn.EXECUTION_STATUS, Op.EQ, "RUNNING"))
        .hasMessageContaining("must be a WorkflowStatus");
    assertThatThrownBy(
            () ->
                new Comparison(
                    RunField.attribute("Score", SearchAttributeType.DOUBLE), Op.EQ, Double.NaN))
        .hasMessageContaining("cannot be NaN");
  }

  @Test
  void otherPredicatesCheckTheirFieldToo() {
    assertThatThrownBy(() -> new RunFilter.In(AMOUNT, List.of(), false))
        .hasMessage("In needs at least one element");
    assertThatThrownBy(() -> new RunFilter.In(NOTES, List.of("a"), true))
        .hasMessageStartingWith("NOT IN is not supported");
    assertThatThrownBy(() -> new RunFilter.Between(AMOUNT, 1L, "2"))
        .hasMessageContaining("must be a Long");
    assertThatThrownBy(() -> new RunFilter.StartsWith(AMOUNT, "1"))
        .hasMessageStartingWith("STARTS_WITH is not supported");
    assertThatThrownBy(() -> new RunFilter.And(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> RunOrder.asc(NOTES))
        .hasMessage("ORDER BY Notes is not supported: TEXT field 'Notes' cannot be sorted");
  }

  @Test
  void timesAreKeptToTheMillisecond() {
    Instant precise = Instant.parse("2026-01-01T00:00:00.123456Z");
    Instant millis = Instant.parse("2026-01-01T00:00:00.123Z");

    assertThat(new Comparison(RunField.BuiltIn.START_TIME, Op.GT, precise).value())
        .isEqualTo(millis);
    assertThat(SearchAttributeValue.ofDatetime(precise).value()).isEqualTo(millis);
  }

  @Test
  void aSearchAttributeValueMustFitItsType() {
    assertThat(SearchAttributeValue.ofInt(5))
        .isEqualTo(new SearchAttributeValue(SearchAttributeType.INT, 5L));
    assertThatThrownBy(() -> new SearchAttributeValue(SearchAttributeType.INT, 5))
        .hasMessage("a INT search attribute value must be a Long, was a Integer (5)");
    assertThatThrownBy(() -> new SearchAttributeValue(SearchAttributeType.KEYWORD, 5L))
        .hasMessageContaining("must be a String");
    assertThatThrownBy(() -> new SearchAttributeValue(SearchAttributeType.BOOL, "true"))
        .hasMessageContaining("must be a Boolean");
    assertThatThrownBy(() -> SearchAttributeValue.ofDouble(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new SearchAttributeValue(SearchAttributeType.TEXT, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void anUpsertNeedsSomethingToDoWithAllowedNames() {
    var value = SearchAttributeValue.ofKeyword("c1");

    assertThatThrownBy(() -> new Write.UpsertSearchAttributes("r1", Map.of(), Set.of()))
        .hasMessage("UpsertSearchAttributes needs a value or a removal");
    assertThatThrownBy(
            () -> new Write.UpsertSearchAttributes("r1", Map.of("A", value), Set.of("A")))
        .hasMessage("search attribute 'A' is both set and removed");
    assertThatThrownBy(() -> new Write.UpsertSearchAttributes("r1", Map.of("status", value)))
        .hasMessage("'status' is a built-in field, not allowed as a search attribute name");
    assertThatThrownBy(
            () -> new Write.UpsertSearchAttributes("r1", Map.of(), Set.of("WorkflowType")))
        .hasMessageContaining("is a built-in field");
    assertThatThrownBy(() -> new Write.UpsertSearchAttributes("r1", Map.of(" ", value)))
        .hasMessage("a search attribute name cannot be blank");
    assertThatThrownBy(() -> new Write.UpsertSearchAttributes("r1", Map.of("a`b", value)))
        .hasMessageContaining("backquote");
    java.util.HashMap<String, SearchAttributeValue> withNull = new java.util.HashMap<>();
    withNull.put("A", null);
    assertThatThrownBy(() -> new Write.UpsertSearchAttributes("r1", withNull))
        .hasMessage("search attribute 'A' has a null value; remove it with 'removed'");
  }

  @Test
  void theOldQueryConstructorStillWorksAndKnowsItsOrder() {
    RunQuery plain = new RunQuery("default", WorkflowStatus.RUNNING, null, null, 10, null);

    assertThat(plain.filter()).isNull();
    assertThat(plain.orderBy()).isEmpty();
    assertThat(plain.hasDefaultOrder()).isTrue();
    assertThat(
            plain
                .withFilter(null, List.of(RunOrder.desc(RunField.BuiltIn.START_TIME)))
                .hasDefaultOrder())
        .isTrue();
    assertThat(
            plain
                .withFilter(
                    null,
                    List.of(
                        RunOrder.desc(RunField.BuiltIn.START_TIME),
                        RunOrder.desc(RunField.BuiltIn.RUN_ID)))
                .hasDefaultOrder())
        .isTrue();
    assertThat(plain.withFilter(null, List.of(RunOrder.asc(AMOUNT))).hasDefaultOrder()).isFalse();
    assertThat(plain.withPageToken("t").withFilter(null, List.of()).pageToken()).isEqualTo("t");
  }
}
