/**
 * The store contract suite (TCK): JUnit 5 tests that every {@link dev.weft.store.Store} passes
 * unchanged.
 *
 * <p>Each concern of the SPI has its own abstract class ({@link dev.weft.store.tck.RunContract},
 * {@link dev.weft.store.tck.WorkflowTaskContract}, ...), all extending {@link
 * dev.weft.store.tck.StoreContract}, which opens a fresh store per test through the one method a
 * backend implements, {@link dev.weft.store.tck.StoreContract#newStore()}. A backend runs the suite
 * by extending {@link dev.weft.store.tck.StoreContractSuite}, which holds every contract as a
 * {@code @Nested} class and asks for one factory method:
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContractSuite {
 *   @TempDir Path dir;
 *
 *   @Override
 *   protected Store createStore() {
 *     return MyStore.open(dir.resolve("weft.db"));
 *   }
 * }
 * }</pre>
 *
 * <p>Every test is tagged {@code store}. Times come from {@link dev.weft.store.tck.TestData#T0}
 * onwards, never from the wall clock: stores never read a clock. A case a store cannot support is
 * skipped with {@code assumeTrue} on its {@link dev.weft.store.StoreCapabilities}, so reports show
 * it skipped, not passed.
 */
package dev.weft.store.tck;
