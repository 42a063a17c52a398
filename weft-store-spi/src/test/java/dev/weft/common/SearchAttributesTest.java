package dev.weft.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed keys, updates and the immutable typed collection. */
class SearchAttributesTest {
  static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");
  static final SearchAttributeKey<OffsetDateTime> DUE =
      SearchAttributeKey.forOffsetDateTime("DueAt");
  static final SearchAttributeKey<Instant> DUE_INSTANT = SearchAttributeKey.forDatetime("DueAt");
  static final SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("Amount");

  @Test
  void keysCarryNameTypeAndValueClass() {
    assertThat(TAGS.getName()).isEqualTo("Tags");
    assertThat(TAGS.getValueType()).isEqualTo(SearchAttributeType.KEYWORD_LIST);
    assertThat(SearchAttributeKey.forText("N").getValueType()).isEqualTo(SearchAttributeType.TEXT);
    assertThat(SearchAttributeKey.forBoolean("B").getValueType())
        .isEqualTo(SearchAttributeType.BOOL);
    assertThat(SearchAttributeKey.forDouble("D").getValueType())
        .isEqualTo(SearchAttributeType.DOUBLE);
    assertThat(DUE.getValueClass()).isEqualTo(OffsetDateTime.class);
    assertThat(SearchAttributeKey.forLong("Amount"))
        .isEqualTo(AMOUNT)
        .isNotEqualTo(SearchAttributeKey.forKeyword("Amount"));
    assertThat(SearchAttributeKey.of("Amount", SearchAttributeType.INT)).isEqualTo(AMOUNT);
  }

  @Test
  void theCollectionIsImmutableAndReadsDatetimesWithEitherKey() {
    List<String> tags = new ArrayList<>(List.of("a", "b"));
    SearchAttributes.Builder builder =
        SearchAttributes.newBuilder()
            .set(TAGS, tags)
            .set(DUE, OffsetDateTime.parse("2026-12-06T10:00:00+01:00"))
            .set(AMOUNT, 5L);
    SearchAttributes attributes = builder.build();
    tags.add("c");
    builder.unset(AMOUNT);

    assertThat(attributes.get(TAGS)).containsExactly("a", "b");
    assertThat(attributes.get(DUE)).isEqualTo(OffsetDateTime.parse("2026-12-06T09:00:00Z"));
    assertThat(attributes.get(DUE_INSTANT)).isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));
    assertThat(attributes.get(AMOUNT)).isEqualTo(5L);
    assertThat(attributes.get(SearchAttributeKey.forKeyword("Amount"))).isNull();
    assertThat(attributes.containsKey(SearchAttributeKey.forKeyword("Missing"))).isFalse();
    assertThat(attributes.size()).isEqualTo(3);
    assertThat(attributes.asMap())
        .containsExactly(
            Map.entry("Amount", 5L),
            Map.entry("DueAt", Instant.parse("2026-12-06T09:00:00Z")),
            Map.entry("Tags", List.of("a", "b")));
    assertThat(attributes.getUntypedValues()).containsEntry(TAGS, List.of("a", "b"));
    assertThat(SearchAttributes.newBuilder(attributes).unset(TAGS).build().size()).isEqualTo(2);
    assertThat(SearchAttributes.EMPTY.isEmpty()).isTrue();
  }

  @Test
  void anEmptyKeywordListUnsets() {
    SearchAttributes attributes =
        SearchAttributes.newBuilder().set(TAGS, List.of("a")).set(TAGS, List.of()).build();
    assertThat(attributes.isEmpty()).isTrue();
    assertThat(TAGS.valueSet(List.of()).untypedValue()).isNull();
  }

  @Test
  void updatesSetOrUnset() {
    SearchAttributeUpdate<Long> set = AMOUNT.valueSet(3L);
    SearchAttributeUpdate<Long> unset = AMOUNT.valueUnset();
    assertThat(set.getKey()).isEqualTo(AMOUNT);
    assertThat(set.getValue()).contains(3L);
    assertThat(unset.getValue()).isEmpty();
    assertThat(unset.untypedValue()).isNull();
    assertThat(DUE.valueSet(OffsetDateTime.parse("2026-12-06T10:00:00+01:00")).untypedValue())
        .isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void valuesThatDoNotFitTheKeyAreRefusedWithTheNameAndValue() {
    assertThatThrownBy(() -> AMOUNT.valueSet(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Amount' cannot be set to null; use valueUnset()");
    assertThatThrownBy(() -> SearchAttributes.newBuilder().set((SearchAttributeKey) AMOUNT, "5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Amount' takes a Long, was a String (5)");
    assertThatThrownBy(() -> ((SearchAttributeKey) TAGS).valueSet(List.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Tags' takes a list of strings, held 1");
    assertThatThrownBy(() -> SearchAttributeKey.forKeyword(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a name");
  }
}
