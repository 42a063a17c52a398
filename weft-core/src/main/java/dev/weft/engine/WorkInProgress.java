package dev.weft.engine;

import java.time.Duration;

/**
 * What a test kit that moves time needs to see of an engine: whether it has work in progress, and
 * whether a client waits for a workflow's result. A time-skipping clock (weft-testing's {@code
 * WeftTestEnvironment}) jumps to the next due time only while a result is awaited and the engine is
 * idle, and checks idleness before and after it reads the store's next due time, so that time never
 * jumps while work is starting.
 *
 * <p>Work in progress is anything the engine is doing or has been woken up to do: a task being
 * claimed or handled, a wake-up not yet consumed by its loop, a background pass (timers, timeouts,
 * retention). Applications do not need this interface; it is for testing kits, and its meaning may
 * be refined, never weakened, in later releases.
 *
 * <p>Thread-safe: every method may be called from any thread at any time, also before {@link
 * WeftEngine#start()} and after {@link WeftEngine#close()}.
 *
 * @see WeftEngine#workInProgress()
 */
public interface WorkInProgress {

  /** Returns whether the engine has no work in progress at this moment. */
  boolean isIdle();

  /**
   * Returns a counter that changes whenever work starts or ends. The same value read twice, with
   * {@link #isIdle()} true both times, means no work started or ended in between.
   */
  long generation();

  /**
   * Waits up to {@code timeout} for the engine to have no work in progress.
   *
   * @return whether it is idle
   * @throws InterruptedException if the calling thread is interrupted while it waits
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException;

  /**
   * Returns whether a client of this engine is waiting for a workflow's result at this moment
   * ({@code WorkflowHandle.getResult} and the blocking call of a workflow stub's method).
   */
  boolean resultAwaited();
}
