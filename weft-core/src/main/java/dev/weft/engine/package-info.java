/**
 * The embedded engine: {@link dev.weft.engine.WeftEngine} runs workers for task queues against a
 * {@link dev.weft.store.Store} and hands out a {@link dev.weft.client.WeftClient}.
 *
 * <pre>{@code
 * WeftEngine engine = WeftEngine.builder().store(SqliteStore.open(Path.of("weft.db"))).build();
 * engine.newWorker("orders")
 *     .registerWorkflow(OrderWorkflow.class, OrderSaga::new)
 *     .registerActivities(new LedgerPayments(ledger));
 * engine.start();
 * }</pre>
 */
package dev.weft.engine;
