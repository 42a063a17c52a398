/**
 * Errors and failures.
 *
 * <p>Two families. {@link dev.weft.failure.WeftFailure} and its subclasses are <em>failures</em>:
 * they cross the boundary between workflow code, activities and clients, are recorded in history,
 * and can be caught and handled by workflow code (an activity that failed after its retries, a
 * timer that was cancelled). {@link dev.weft.failure.WeftException} and its subclasses are
 * <em>errors</em> of the API itself: bad input, unknown names, conflicts. Each carries the
 * identifiers involved and a message that names the problem.
 */
package dev.weft.failure;
