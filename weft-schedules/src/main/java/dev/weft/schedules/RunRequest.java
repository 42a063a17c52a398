package dev.weft.schedules;

/**
 * A run a sensor asks for: its action, started with the workflow ID {@code <sensor>:<dedupeKey>}
 * (for a start; see {@link TriggerAction}), so the same key never starts twice, whichever
 * evaluation asks again and across engine restarts.
 *
 * <p>Not validated on construction: a sensor's malformed request (blank key, missing action) is
 * reported as an error of the evaluation that returned it, naming the request's index and field.
 *
 * @param dedupeKey what makes this run unique for the sensor (a block height, a file name)
 * @param action what to run
 */
public record RunRequest(String dedupeKey, TriggerAction action) {}
