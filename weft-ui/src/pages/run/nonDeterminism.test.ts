import { parseNonDeterminism } from "./nonDeterminism";

test("both sides are read from the recorded workflow task failure", () => {
  const failure =
    "dev.weft.failure.NonDeterminismException: non-deterministic workflow code in run 01a2-r at history event 7: " +
    "the code asked for ActivityScheduled(seq 2, activity type 'Refund'), but the history has TimerStarted(seq 2)\n" +
    "\tat dev.weft.internal.runtime.ReplayCursor.match(ReplayCursor.java:45)";
  expect(parseNonDeterminism(failure)).toEqual({
    runId: "01a2-r",
    eventId: 7,
    codeAskedFor: "ActivityScheduled(seq 2, activity type 'Refund')",
    historyHas: "TimerStarted(seq 2)",
  });
});

test("a divergence past the end has no event; other failures are not non-determinism", () => {
  const past =
    "dev.weft.failure.NonDeterminismException: non-deterministic workflow code in run r9: the code asked for " +
    "nothing more (its code is blocked or done), but the history has ActivityScheduled(seq 1, activity type 'A')";
  expect(parseNonDeterminism(past)).toMatchObject({ runId: "r9", eventId: undefined, codeAskedFor: "nothing more (its code is blocked or done)" });
  expect(parseNonDeterminism("java.lang.IllegalStateException: boom")).toBeNull();
  expect(parseNonDeterminism(undefined)).toBeNull();
});
