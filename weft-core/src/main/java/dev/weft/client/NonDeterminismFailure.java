package dev.weft.client;

/**
 * The two sides of a non-determinism error that fails a run's workflow task (see {@link
 * dev.weft.failure.NonDeterminismException}): on replay, the workflow code asked for something
 * other than what the history records at that point.
 *
 * @param eventId the history event where the code and the history diverge, or 0 when the code asked
 *     for more than the history has (past its end)
 * @param codeAskedFor what the code asked for (the actual side), for example {@code
 *     ScheduleActivity(seq 2, type Refund)}
 * @param historyHas what the history records there (the expected side)
 */
public record NonDeterminismFailure(long eventId, String codeAskedFor, String historyHas) {}
