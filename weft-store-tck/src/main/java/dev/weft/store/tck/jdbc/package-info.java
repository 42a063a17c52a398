/**
 * The contract of the SQL stores' extension API ({@link dev.weft.store.jdbc.JdbcExtension}): {@link
 * dev.weft.store.tck.jdbc.JdbcExtensionContract} and the probe extension it installs, {@link
 * dev.weft.store.tck.jdbc.NotesExtension}. A SQL store runs it beside the store contract suite:
 *
 * <pre>{@code
 * class MyStoreExtensionContractTest extends JdbcExtensionContract {
 *   @TempDir Path dir;
 *
 *   @Override
 *   protected Store openStore(List<JdbcExtension> extensions) {
 *     return MyStore.open(MyStoreOptions.at(dir.resolve("weft.db")).withExtensions(extensions));
 *   }
 * }
 * }</pre>
 */
package dev.weft.store.tck.jdbc;
