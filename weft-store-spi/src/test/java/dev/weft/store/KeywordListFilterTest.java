package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.SearchAttributeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KEYWORD_LIST values and filters, and DATETIME filter values in RFC 3339 form: what the parser and
 * the value record accept and what they refuse, with the reason named.
 */
class KeywordListFilterTest {
  static final Map<String, SearchAttributeType> KNOWN =
      Map.of("Tags", SearchAttributeType.KEYWORD_LIST, "DueAt", SearchAttributeType.DATETIME);
  static final RunField TAGS = RunField.attribute("Tags", SearchAttributeType.KEYWORD_LIST);

  @Test
  void equalityAndInTakeOneKeywordEach() {
    assertThat(RunFilterParser.parse("Tags = 'red'", KNOWN).filter())
        .isEqualTo(new RunFilter.Comparison(TAGS, RunFilter.Op.EQ, "red"));
    assertThat(RunFilterParser.parse("Tags NOT IN ('a', 'b')", KNOWN).filter())
        .isEqualTo(new RunFilter.In(TAGS, List.of("a", "b"), true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Tags > 'a'              | operator '>' at position 6 is not supported: KEYWORD_LIST field 'Tags' supports only = (contains), != (does not contain), IN (contains any), NOT IN and IS NULL
          Tags STARTS_WITH 'a'    | operator 'STARTS_WITH' at position 6 is not supported: KEYWORD_LIST field 'Tags' supports only = (contains), != (does not contain), IN (contains any), NOT IN and IS NULL
          Tags BETWEEN 'a' AND 'b' | operator 'BETWEEN' at position 6 is not supported: KEYWORD_LIST field 'Tags' supports only = (contains), != (does not contain), IN (contains any), NOT IN and IS NULL
          ORDER BY Tags           | cannot order by 'Tags' at position 10: KEYWORD_LIST field 'Tags' cannot be sorted
          Tags = 42               | '42' at position 8 is not a valid KEYWORD_LIST for 'Tags' (quote strings)
          """)
  void whatAListDoesNotSupportIsRefused(String query, String message) {
    assertThatThrownBy(() -> RunFilterParser.parse(query, KNOWN))
        .isInstanceOf(FilterSyntaxException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-12-06T10:00:00+01:00       | 2026-12-06T09:00:00Z
          2026-12-06T09:00:00Z            | 2026-12-06T09:00:00Z
          2026-12-06T10:00:00.250+01:00   | 2026-12-06T09:00:00.250Z
          2026-12-06t09:00:00.5z          | 2026-12-06T09:00:00.500Z
          2026-12-06 09:00:00-02:30       | 2026-12-06T11:30:00Z
          2026-12-06                      | 2026-12-06T00:00:00Z
          """)
  void datetimeFilterValuesAreRfc3339(String text, String instant) {
    assertThat(RunFilterParser.parse("DueAt = '" + text + "'", KNOWN).filter())
        .isEqualTo(
            new RunFilter.Comparison(
                RunField.attribute("DueAt", SearchAttributeType.DATETIME),
                RunFilter.Op.EQ,
                Instant.parse(instant)));
  }

  @Test
  void aListValueIsCopiedWithItsOrderAndDuplicates() {
    List<String> keywords = new ArrayList<>(List.of("b", "a", "b"));
    SearchAttributeValue value = SearchAttributeValue.ofKeywordList(keywords);
    keywords.clear();
    assertThat(value.value()).isEqualTo(List.of("b", "a", "b"));
    assertThat(value.type()).isEqualTo(SearchAttributeType.KEYWORD_LIST);
  }

  @Test
  void anEmptyListOrOneWithoutStringsIsRefused() {
    assertThatThrownBy(() -> SearchAttributeValue.ofKeywordList(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be empty");
    assertThatThrownBy(
            () -> new SearchAttributeValue(SearchAttributeType.KEYWORD_LIST, List.of("a", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must hold strings, held a Integer (1)");
    assertThatThrownBy(() -> SearchAttributeValue.ofKeywordList(Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("held null");
    assertThatThrownBy(() -> new SearchAttributeValue(SearchAttributeType.KEYWORD_LIST, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a List");
  }
}
