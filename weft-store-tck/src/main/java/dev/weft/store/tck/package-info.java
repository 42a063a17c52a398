/**
 * The store contract suite (TCK): JUnit 5 tests that every {@link dev.weft.store.Store} passes
 * unchanged.
 *
 * <p>Each concern of the SPI has its own abstract class ({@link dev.weft.store.tck.RunContract},
 * {@link dev.weft.store.tck.WorkflowTaskContract}, ...), all extending {@link
 * dev.weft.store.tck.StoreContract}, which opens a fresh store per test through the one method a
 * backend implements, {@link dev.weft.store.tck.StoreContract#newStore()}. A backend runs the suite
 * by subclassing every contract in its own tests, for example as {@code @Nested} classes:
 *
 * <pre>{@code
 * class MyStoreContractTest {
 *   @TempDir Path dir;
 *
 *   Store open() {
 *     return MyStore.open(dir.resolve("weft.db"));
 *   }
 *
 *   @Nested
 *   class Runs extends RunContract {
 *     @Override
 *     protected Store newStore() {
 *       return open();
 *     }
 *   }
 *   // ... one nested class per contract
 * }
 * }</pre>
 *
 * <p>Every test is tagged {@code store}. Times come from {@link dev.weft.store.tck.TestData#T0}
 * onwards, never from the wall clock: stores never read a clock. A case a store cannot support is
 * skipped with {@code assumeTrue} on its {@link dev.weft.store.StoreCapabilities}, so reports show
 * it skipped, not passed.
 */
package dev.weft.store.tck;
