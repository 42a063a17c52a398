package dev.weft.internal.runtime;

import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One thread of workflow code: the workflow method, a signal handler, or a {@code Workflow.async}
 * block. Runs on its own virtual thread, but only while it holds its permit, which the {@link
 * CoroutineScheduler} hands out to one coroutine at a time.
 *
 * <p>State fields are read and written only by the thread that currently runs (the scheduler or the
 * coroutine holding the permit); the semaphore hand-offs order those accesses.
 */
final class Coroutine {
  final String name;
  final Runnable body;
  final Semaphore permit = new Semaphore(0);
  ScopeNode scope;
  BooleanSupplier blockedOn;
  boolean started;
  boolean done;
  Thread thread;

  Coroutine(String name, ScopeNode scope, Runnable body) {
    this.name = name;
    this.scope = scope;
    this.body = body;
  }

  /** Returns whether the scheduler should resume it now. */
  boolean isRunnable() {
    return !done && (!started || blockedOn == null || blockedOn.getAsBoolean());
  }

  @Override
  public String toString() {
    return name;
  }
}
