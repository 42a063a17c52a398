package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssetKeyTest {

  @Test
  void parsesAPathIntoSegments() {
    AssetKey key = AssetKey.of("chain/raw_blocks");
    assertThat(key.segments()).containsExactly("chain", "raw_blocks");
    assertThat(key.path()).isEqualTo("chain/raw_blocks");
    assertThat(key.name()).isEqualTo("raw_blocks");
    assertThat(key).isEqualTo(AssetKey.of("chain", "raw_blocks")).hasToString("chain/raw_blocks");
  }

  @Test
  void refusesABadSegmentNamingIt() {
    assertThatThrownBy(() -> AssetKey.of("chain/raw-blocks"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segment 2 'raw-blocks'")
        .hasMessageContaining("[A-Za-z0-9_]+");
    assertThatThrownBy(() -> AssetKey.of("chain//x")).hasMessageContaining("segment 2 ''");
    assertThatThrownBy(() -> AssetKey.of("")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> new AssetKey(List.of())).hasMessageContaining("at least one segment");
  }

  @Test
  void ordersByPath() {
    assertThat(List.of(AssetKey.of("b"), AssetKey.of("a/z"), AssetKey.of("a")).stream().sorted())
        .containsExactly(AssetKey.of("a"), AssetKey.of("a/z"), AssetKey.of("b"));
  }
}
