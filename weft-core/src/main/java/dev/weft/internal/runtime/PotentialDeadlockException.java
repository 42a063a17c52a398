package dev.weft.internal.runtime;

/**
 * A workflow coroutine held the execution permit longer than the deadlock timeout without yielding
 * to a Weft primitive: it is blocked in I/O, a lock, {@code Thread.sleep}, or spinning. Fails the
 * workflow task (which is retried) and carries the coroutine's stack.
 */
public final class PotentialDeadlockException extends RuntimeException {

  PotentialDeadlockException(String coroutine, long timeoutMillis, StackTraceElement[] stack) {
    super(
        "potential deadlock: workflow thread '"
            + coroutine
            + "' ran for more than "
            + timeoutMillis
            + " ms without yielding; workflow code must not block outside Weft's APIs"
            + " (no I/O, locks, Thread.sleep or busy loops). Its stack is this exception's.");
    setStackTrace(stack);
  }
}
