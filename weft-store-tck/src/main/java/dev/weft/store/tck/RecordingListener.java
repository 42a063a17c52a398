package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.StoreListener;
import dev.weft.store.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link StoreListener} that records what it is told, so that tests can wait for a notification
 * (without sleeping: the store's thread wakes the waiting test) and inspect everything received.
 * Thread-safe.
 */
public final class RecordingListener implements StoreListener {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** One received notification. */
  public sealed interface Notification {}

  /** A {@link StoreListener#tasksReady} call. */
  public record TasksReady(TaskKind kind, String taskQueue, Instant visibleAt)
      implements Notification {}

  /** A {@link StoreListener#dueAt} call. */
  public record DueAt(Instant time) implements Notification {}

  /** A {@link StoreListener#runClosed} call. */
  public record RunClosed(String runId) implements Notification {}

  /** A {@link StoreListener#flowControlChanged} call. */
  public record FlowControlChanged() implements Notification {}

  private final List<Notification> received = new ArrayList<>();

  @Override
  public void tasksReady(TaskKind kind, String taskQueue, Instant visibleAt) {
    record(new TasksReady(kind, taskQueue, visibleAt));
  }

  @Override
  public void dueAt(Instant time) {
    record(new DueAt(time));
  }

  @Override
  public void runClosed(String runId) {
    record(new RunClosed(runId));
  }

  @Override
  public void flowControlChanged() {
    record(new FlowControlChanged());
  }

  private synchronized void record(Notification notification) {
    received.add(notification);
    notifyAll();
  }

  /** Returns a copy of everything received so far, in order of arrival. */
  public synchronized List<Notification> received() {
    return List.copyOf(received);
  }

  /** Forgets everything received so far. */
  public synchronized void clear() {
    received.clear();
  }

  /** Waits until {@code expected} has been received; fails the test after 30 seconds. */
  public void awaitReceived(Notification expected) {
    awaitReceived(expected.toString(), expected::equals);
  }

  /**
   * Waits until a notification that {@code matches} has been received; fails the test after 30
   * seconds, naming {@code what} it waited for.
   */
  public synchronized void awaitReceived(String what, Predicate<Notification> matches) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (received.stream().noneMatch(matches)) {
      long left = deadline - System.nanoTime();
      assertThat(left).as("waited %s for %s; received %s", TIMEOUT, what, received).isPositive();
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
