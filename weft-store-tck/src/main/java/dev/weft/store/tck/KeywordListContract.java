package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.VisibilityQueries.listIds;
import static dev.weft.store.tck.VisibilityQueries.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins KEYWORD_LIST search attributes: a read returns the list as written (order and duplicates
 * kept, any characters); {@code Tags = 'x'} matches runs whose list contains {@code x}, {@code IN}
 * those whose list contains any of the values, {@code !=} and {@code NOT IN} runs that have a list
 * containing none, and, as for every type, a run without the list (or with a value of another type
 * under the name) matches no predicate but {@code IS NULL} and a {@code NOT}. Replacing or removing
 * a list, or replacing it with another type, changes what it matches at once.
 */
public abstract class KeywordListContract extends StoreContract {
  private static final Map<String, SearchAttributeType> KNOWN =
      Map.of("Tags", SearchAttributeType.KEYWORD_LIST, "Other", SearchAttributeType.KEYWORD_LIST);

  private static SearchAttributeValue tags(String... keywords) {
    return SearchAttributeValue.ofKeywordList(List.of(keywords));
  }

  /**
   * k1 [red, green], k2 [green, blue, green], k3 none, k4 Tags as a KEYWORD 'red', k5 [blue] and
   * Other [red].
   */
  private void givenRuns() {
    for (String id : List.of("k1", "k2", "k3", "k4", "k5")) {
      startRun(id);
    }
    commitOk(
        new Write.UpsertSearchAttributes("k1", Map.of("Tags", tags("red", "green"))),
        new Write.UpsertSearchAttributes("k2", Map.of("Tags", tags("green", "blue", "green"))),
        new Write.UpsertSearchAttributes(
            "k4", Map.of("Tags", SearchAttributeValue.ofKeyword("red"))),
        new Write.UpsertSearchAttributes("k5", Map.of("Tags", tags("blue"), "Other", tags("red"))));
  }

  @Test
  void aListReadsBackAsWrittenInOrderWithDuplicates() {
    startRun("k1");
    SearchAttributeValue value =
        tags("b", "a", "b", "quote' \"x\" \\ back", "ünï 𝄞", "line\nbreak");

    commitOk(new Write.UpsertSearchAttributes("k1", Map.of("Tags", value)));

    assertThat(store.findSearchAttributes("k1")).containsExactly(Map.entry("Tags", value));
    assertThat(store.findSearchAttributes("k1").get("Tags").type())
        .isEqualTo(SearchAttributeType.KEYWORD_LIST);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Tags = 'red'                          | k1
          Tags = 'green'                        | k1 k2
          Tags = 'blue'                         | k2 k5
          Tags = 'Red'                          | -
          Tags = 'yellow'                       | -
          Tags IN ('red', 'blue')               | k1 k2 k5
          Tags IN ('yellow')                    | -
          Tags != 'red'                         | k2 k5
          Tags NOT IN ('red', 'blue')           | -
          Tags NOT IN ('blue')                  | k1
          NOT Tags = 'red'                      | k2 k3 k4 k5
          NOT Tags IN ('green')                 | k3 k4 k5
          Tags IS NULL                          | k3 k4
          Tags IS NOT NULL                      | k1 k2 k5
          Tags = 'red' AND Tags = 'green'       | k1
          Tags = 'red' OR Other = 'red'         | k1 k5
          Tags = 'blue' AND Other = 'red'       | k5
          Other = 'green'                       | -
          """)
  void aListMatchesTheKeywordsItContains(String filter, String expected) {
    givenRuns();

    assertThat(listIds(store, filter, KNOWN))
        .containsExactlyInAnyOrderElementsOf(VisibilityQueries.expectedIds(expected));
    assertThat(store.countRuns(query(filter, KNOWN, 1)))
        .isEqualTo(VisibilityQueries.expectedIds(expected).size());
  }

  @Test
  void replacingOrRemovingAListChangesWhatItMatches() {
    givenRuns();

    commitOk(new Write.UpsertSearchAttributes("k1", Map.of("Tags", tags("yellow"))));
    assertThat(listIds(store, "Tags = 'red'", KNOWN)).isEmpty();
    assertThat(listIds(store, "Tags = 'yellow'", KNOWN)).containsExactly("k1");

    commitOk(new Write.UpsertSearchAttributes("k2", Map.of(), Set.of("Tags")));
    assertThat(listIds(store, "Tags = 'green'", KNOWN)).isEmpty();
    assertThat(store.findSearchAttributes("k2")).isEmpty();

    commitOk(
        new Write.UpsertSearchAttributes(
            "k5", Map.of("Tags", SearchAttributeValue.ofKeyword("blue"))));
    assertThat(listIds(store, "Tags = 'blue'", KNOWN)).isEmpty();
    assertThat(store.findSearchAttributes("k5").get("Tags"))
        .isEqualTo(SearchAttributeValue.ofKeyword("blue"));
  }

  @Test
  void aDeletedRunsListMatchesNothingAndARunWithTheSameIdStartsWithout() {
    startRun("k1");
    commitOk(new Write.UpsertSearchAttributes("k1", Map.of("Tags", tags("red"))));
    commitOk(new Write.CloseRun("k1", WorkflowStatus.COMPLETED, T0.plusSeconds(1)));

    commitOk(new Write.DeleteRun("k1"));
    startRun("k1");

    assertThat(listIds(store, "Tags = 'red'", KNOWN)).isEmpty();
    assertThat(store.findSearchAttributes("k1")).isEmpty();
  }

  @Test
  void aListGivenWithTheInsertIsMatchedAtOnce() {
    commitOk(
        TestData.run("k1").insert(),
        new Write.UpsertSearchAttributes("k1", Map.of("Tags", tags("red", "red"))));

    assertThat(listIds(store, "Tags = 'red'", KNOWN)).containsExactly("k1");
    assertThat(store.findSearchAttributes("k1").get("Tags")).isEqualTo(tags("red", "red"));
  }
}
