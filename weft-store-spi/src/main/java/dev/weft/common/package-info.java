/**
 * The vocabulary the SDK and the storage SPI share: a run's {@link dev.weft.common.WorkflowStatus},
 * the {@link dev.weft.common.SearchAttributeType}s, {@link dev.weft.common.RetryPolicy} and {@link
 * dev.weft.common.Priority}, and typed search attributes ({@link
 * dev.weft.common.SearchAttributeKey}, {@link dev.weft.common.SearchAttributes}, {@link
 * dev.weft.common.SearchAttributeUpdate}, as in Temporal's {@code io.temporal.common}). One type
 * per concept, so that the code, the store's rows and the API say the same thing. It lives in the
 * lowest module (weft-store-spi) because both the engine and the stores use it.
 */
package dev.weft.common;
