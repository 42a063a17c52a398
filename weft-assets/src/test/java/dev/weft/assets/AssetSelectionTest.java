package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssetSelectionTest {

  // chain/raw_blocks -> chain/decoded_blocks -> chain/enriched_blocks -> metrics/daily_volume
  // market/raw_trades -> market/processed (tag tier=gold)
  final AssetGraph graph =
      AssetGraph.of(
          Asset.builder("chain/raw_blocks").group("chain").compute(ctx -> 1),
          Asset.builder("chain/decoded_blocks")
              .group("chain")
              .input("chain/raw_blocks", Object.class)
              .compute(ctx -> 1),
          Asset.builder("chain/enriched_blocks")
              .group("chain")
              .tag("tier", "gold")
              .input("chain/decoded_blocks", Object.class)
              .compute(ctx -> 1),
          Asset.builder("metrics/daily_volume")
              .group("metrics")
              .input("chain/enriched_blocks", Object.class)
              .compute(ctx -> 1),
          Asset.builder("market/raw_trades").group("market").compute(ctx -> 1),
          Asset.builder("market/processed")
              .group("market")
              .tag("tier", "gold")
              .tag("pii", "no")
              .input("market/raw_trades", Object.class)
              .compute(ctx -> 1));

  List<String> select(String text) {
    return AssetSelection.parse(text).resolve(graph).stream().map(AssetKey::path).toList();
  }

  @Test
  void resolvesEachFormInTopologicalOrder() {
    assertThat(select("chain/decoded_blocks")).containsExactly("chain/decoded_blocks");
    assertThat(select("+chain/enriched_blocks"))
        .containsExactly("chain/raw_blocks", "chain/decoded_blocks", "chain/enriched_blocks");
    assertThat(select("chain/enriched_blocks+"))
        .containsExactly("chain/enriched_blocks", "metrics/daily_volume");
    assertThat(select("+chain/decoded_blocks+"))
        .containsExactly(
            "chain/raw_blocks",
            "chain/decoded_blocks",
            "chain/enriched_blocks",
            "metrics/daily_volume");
    assertThat(select("group:market")).containsExactly("market/raw_trades", "market/processed");
    assertThat(select("tag:tier=gold"))
        .containsExactly("market/processed", "chain/enriched_blocks");
    assertThat(select("tag:pii")).containsExactly("market/processed");
    assertThat(select("tag:tier=silver")).isEmpty();
    assertThat(select("*")).hasSize(6);
  }

  @Test
  void unionsByCommaOrSpace() {
    assertThat(select("metrics/daily_volume, group:market"))
        .containsExactly("market/raw_trades", "market/processed", "metrics/daily_volume");
    assertThat(select("  market/raw_trades  chain/raw_blocks ,market/raw_trades "))
        .containsExactly("chain/raw_blocks", "market/raw_trades");
  }

  @Test
  void printsItsCanonicalForm() {
    assertThat(AssetSelection.parse(" +a/b+ group:g,tag:t=v  tag:x *"))
        .hasToString("+a/b+, group:g, tag:t=v, tag:x, *")
        .isEqualTo(AssetSelection.parse("+a/b+, group:g, tag:t=v, tag:x, *"));
    assertThat(AssetSelection.keys(AssetKey.of("a"), AssetKey.of("b/c"))).hasToString("a, b/c");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  | 1  | empty selection",
        "a,,b                | 3  | unexpected ',' at position 3",
        "a,                  | 2  | selection ends after ','",
        "a=b                 | 2  | unexpected '=' at position 2: expected ',' or a space",
        "group:              | 7  | selection ends at position 7: expected a group name",
        "tag:t=              | 7  | expected a tag value after '='",
        "a//b                | 1  | bad asset key 'a//b' at position 1",
        "++a                 | 2  | unexpected '+' at position 2",
        "a b -c              | 5  | unexpected '-' at position 5",
      })
  void syntaxErrorsNameTheTokenAndPosition(String text, int position, String message) {
    assertThatThrownBy(() -> AssetSelection.parse(text))
        .isInstanceOf(AssetSelectionSyntaxException.class)
        .hasMessageContaining(message)
        .asInstanceOf(type(AssetSelectionSyntaxException.class))
        .extracting(AssetSelectionSyntaxException::position)
        .isEqualTo(position);
  }

  @Test
  void unknownKeysAreRefusedWithADidYouMean() {
    assertThatThrownBy(() -> select("+chain/raw_block, market/trades, nothing_like_it"))
        .isInstanceOf(UnknownAssetException.class)
        .hasMessage(
            "unknown assets chain/raw_block (did you mean chain/raw_blocks?),"
                + " market/trades (did you mean market/raw_trades?), nothing_like_it");
    assertThatThrownBy(() -> select("group:chian"))
        .hasMessage("group:chian selects no asset; the groups are [chain, market, metrics]");
  }
}
