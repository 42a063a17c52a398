package dev.weft.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.assets.AssetCatalogExtension;
import dev.weft.store.jdbc.nodes.EngineNodesExtension;
import dev.weft.store.jdbc.tokens.ApiTokensExtension;
import dev.weft.store.jdbc.updates.UpdateOutcomesExtension;
import dev.weft.store.jdbc.webhooks.WebhooksExtension;
import dev.weft.store.tck.jdbc.NotesExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store extensions a {@link SqliteStore} installs: discovered, or as set. */
class SqliteStoreOptionsTest {

  @Test
  void theDefaultOptionsInstallTheExtensionsTheClassPathDeclares() {
    List<JdbcExtension> extensions = SqliteStoreOptions.at(Path.of("weft.db")).extensions();

    assertThat(extensions)
        .map(JdbcExtension::name)
        .containsExactly(
            "update-outcomes", "api-tokens", "engine-nodes", "asset-catalog", "webhooks");
    assertThat(extensions.get(0)).isInstanceOf(UpdateOutcomesExtension.class);
    assertThat(extensions.get(1)).isInstanceOf(ApiTokensExtension.class);
    assertThat(extensions.get(2)).isInstanceOf(EngineNodesExtension.class);
    assertThat(extensions.get(3)).isInstanceOf(AssetCatalogExtension.class);
    assertThat(extensions.get(4)).isInstanceOf(WebhooksExtension.class);
  }

  @Test
  void extensionsSetExplicitlyReplaceTheDiscoveredOnesAndSurviveOtherChanges() {
    SqliteStoreOptions options =
        SqliteStoreOptions.at(Path.of("weft.db"))
            .withExtensions(List.of(new NotesExtension()))
            .withDurable(false)
            .withMaxGroup(8);

    assertThat(options.extensions()).map(JdbcExtension::name).containsExactly("tck-notes");
  }
}
