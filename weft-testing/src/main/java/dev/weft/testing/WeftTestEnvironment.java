package dev.weft.testing;

import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import dev.weft.engine.WorkerOptions;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An engine for tests: a throwaway SQLite store in a temporary folder and a clock that skips time,
 * so a workflow that sleeps for days completes in milliseconds. As in Temporal's test environment,
 * time jumps (to the next timer or retry) only while a client waits for a workflow's result and the
 * engine has nothing else to do; while the test does something else (queries, signals), time passes
 * normally, and {@link #sleep} moves it explicitly.
 *
 * <pre>{@code
 * try (WeftTestEnvironment env = WeftTestEnvironment.create()) {
 *   env.newWorker("subscriptions")
 *       .registerWorkflow(SubscriptionWorkflow.class, EmailSubscription::new)
 *       .registerActivities(new FakeEmail());
 *   env.start();
 *   SubscriptionWorkflow wf = env.client().newWorkflowStub(SubscriptionWorkflow.class,
 *       WorkflowOptions.newBuilder().taskQueue("subscriptions").build());
 *   wf.subscribe("ada@example.com"); // sleeps 7 days of workflow time
 * }
 * }</pre>
 */
public final class WeftTestEnvironment implements AutoCloseable {
  private final Path dir;
  private final boolean ownsDir;
  private final SkippingClock clock;
  private final WeftEngine engine;
  private final boolean timeSkipping;
  private final TimeStepper stepper;
  private TimeSkipper skipper;

  private WeftTestEnvironment(Options options) {
    try {
      this.ownsDir = options.directory == null;
      this.dir = ownsDir ? Files.createTempDirectory("weft-test-") : options.directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the test store", e);
    }
    this.clock = new SkippingClock(options.startTime);
    this.timeSkipping = options.timeSkipping;
    SqliteStore store =
        SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft-test.db")).withDurable(false));
    this.engine =
        options.engine.apply(WeftEngine.builder().store(store).clock(clock).nodeId("test")).build();
    this.stepper =
        new TimeStepper(engine.workInProgress(), engine.store(), clock, options.idleTimeout);
  }

  /** Creates an environment with time skipping, starting at the current time. */
  public static WeftTestEnvironment create() {
    return create(new Options());
  }

  /** Creates an environment with options. */
  public static WeftTestEnvironment create(Options options) {
    return new WeftTestEnvironment(options);
  }

  /** Returns options to customize {@link #create(Options)}. */
  public static Options options() {
    return new Options();
  }

  /** Returns a worker for a task queue; register on it before {@link #start()}. */
  public Worker newWorker(String taskQueue) {
    return engine.newWorker(taskQueue);
  }

  /** Returns a worker for a task queue with options. */
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    return engine.newWorker(taskQueue, options);
  }

  /** Starts the engine (and time skipping). */
  public void start() {
    engine.start();
    if (timeSkipping) {
      skipper = new TimeSkipper(engine.workInProgress(), engine.store(), clock, stepper.lock());
      skipper.start();
    }
  }

  /** Returns the client. */
  public WeftClient client() {
    return engine.client();
  }

  /** Returns the engine. */
  public WeftEngine engine() {
    return engine;
  }

  /** Returns the clock. */
  public SkippingClock clock() {
    return clock;
  }

  /** Returns the engine's current time. */
  public Instant currentTime() {
    return clock.now();
  }

  /**
   * Moves time forward by {@code duration}, one due time at a time: the clock goes to the next
   * timer, retry backoff, timeout or delayed start, the engine handles it and becomes idle, then
   * the clock goes on to the next, until {@code duration} is used up. So a workflow that sleeps 1 s
   * in a loop runs five times in {@code sleep(Duration.ofSeconds(5))}, each time at its own due
   * time. The clock stands still while the engine works during the call (processing time is not
   * test time), and the automatic time skipping does not jump meanwhile. Returns once the engine is
   * idle at the new time. Like Temporal's {@code TestWorkflowEnvironment.sleep}; to jump in one
   * step instead, use {@link SkippingClock#advance}.
   *
   * <pre>{@code
   * WorkflowHandle<Void> h = env.client().start(stub::everySecond);
   * env.sleep(Duration.ofSeconds(5));
   * assertThat(h.query(Ticker::ticks)).isEqualTo(5);
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   * @throws IllegalStateException if the engine stays busy longer than the idle timeout ({@link
   *     Options#idleTimeout}) at one step
   */
  public void sleep(Duration duration) {
    stepper.advance(duration);
  }

  /**
   * Waits until the engine has no work in progress: every task it was woken up for (a start, a
   * signal, a fired timer, an activity) is handled, and what that scheduled for now too. Time does
   * not move while it waits, unless a client is waiting for a result (the automatic time skipping).
   * Useful after a signal or a start, before a query or an assertion on the store; it never sleeps
   * a fixed time, it waits on the engine's own idle signal ({@link WeftEngine#workInProgress()}).
   *
   * @throws IllegalStateException if the engine is still busy after the idle timeout ({@link
   *     Options#idleTimeout}; default 30 s)
   */
  public void awaitIdle() {
    stepper.awaitSettled();
  }

  /** Stops the engine and deletes the temporary store. */
  @Override
  public void close() {
    if (skipper != null) {
      skipper.stop();
    }
    engine.close();
    if (ownsDir) {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder
    }
  }

  /** Options of a test environment. */
  public static final class Options {
    private boolean timeSkipping = true;
    private Instant startTime = Instant.now();
    private Path directory;
    private Duration idleTimeout = Duration.ofSeconds(30);
    private UnaryOperator<WeftEngine.Builder> engine = UnaryOperator.identity();

    private Options() {}

    /**
     * Turns time skipping on (default: time jumps while a client waits for a result) or off (time
     * moves only with {@link WeftTestEnvironment#sleep}).
     */
    public Options timeSkipping(boolean timeSkipping) {
      this.timeSkipping = timeSkipping;
      return this;
    }

    /** Sets the clock's start time (default: now). */
    public Options startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    /** Keeps the store in this folder instead of a temporary one (it is not deleted). */
    public Options directory(Path directory) {
      this.directory = directory;
      return this;
    }

    /**
     * Sets how long {@link WeftTestEnvironment#awaitIdle} and each step of {@link
     * WeftTestEnvironment#sleep} wait for the engine to finish its work (default 30 s).
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Options idleTimeout(Duration idleTimeout) {
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /** Customizes the engine (payload limit, cache size, ...). */
    public Options engine(UnaryOperator<WeftEngine.Builder> customizer) {
      this.engine = customizer;
      return this;
    }
  }
}
