/**
 * Schedules, sensors and webhooks: what starts work in Weft besides a client call.
 *
 * <p>Each trigger is built on the engine's durable workflows, as Temporal builds its schedules, so
 * that "fires exactly once, on time" comes from the engine's guarantees rather than from a
 * scheduler loop of its own:
 *
 * <ul>
 *   <li>a <b>schedule</b> is one built-in workflow per schedule that sleeps on a durable timer
 *       until its next fire time ({@link dev.weft.schedules.ScheduleSpec}: cron or interval, time
 *       zone, start, end, jitter) and then runs its action with a workflow ID derived from the
 *       schedule and the nominal fire time, so a retried or repeated firing finds the run already
 *       there;
 *   <li>a <b>sensor</b> is one built-in workflow per sensor that runs the user's evaluation in an
 *       activity on an interval, keeps the cursor in its state and starts the requested runs with
 *       IDs derived from their dedupe keys;
 *   <li>a <b>webhook</b> delivery is a built-in workflow whose ID comes from the hook and the
 *       request's {@code Idempotency-Key}.
 * </ul>
 */
package dev.weft.schedules;
