package dev.weft.workflow;

import dev.weft.failure.WeftFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Compensations of a saga, for workflow code: register one after each step that succeeded; when a
 * later step fails, {@link #compensate()} runs them in reverse order of registration (or all at
 * once with {@link Options#parallel}), in a detached cancellation scope so they run to the end even
 * when the workflow was cancelled, and continuing past a compensation that fails.
 *
 * <pre>{@code
 * Saga saga = new Saga();
 * try {
 *   String reservation = inventory.reserve(order);
 *   saga.addCompensation(() -> inventory.release(reservation));
 *   String payment = payments.charge(order);
 *   saga.addCompensation(() -> payments.refund(payment));
 *   shipping.ship(order);
 * } catch (ActivityFailure e) {
 *   saga.compensate();   // refund, then release
 *   throw e;
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use it from one workflow thread.
 */
public final class Saga {
  private final Options options;
  private final List<Runnable> compensations = new ArrayList<>();

  /** Creates a saga that compensates one step at a time, continuing past failures. */
  public Saga() {
    this(Options.DEFAULTS);
  }

  /** Creates a saga with options. */
  public Saga(Options options) {
    this.options = options;
  }

  /**
   * How compensations run.
   *
   * @param parallel whether all compensations start at once instead of last-first one by one
   * @param continueWithError whether a failing compensation lets the others run (otherwise the
   *     first failure stops the compensation)
   */
  public record Options(boolean parallel, boolean continueWithError) {
    /** Sequential, last registered first, continuing past failures. */
    public static final Options DEFAULTS = new Options(false, true);
  }

  /** Registers the compensation of a step that succeeded. */
  public void addCompensation(Runnable compensation) {
    compensations.add(compensation);
  }

  /** Registers a compensation that calls an activity (or any function) and ignores its result. */
  public <R> void addCompensation(Functions.Func<R> compensation) {
    compensations.add(compensation::apply);
  }

  /**
   * Registers a compensation with its argument, as Temporal's {@code Saga} allows: {@code
   * saga.addCompensation(payments::refund, paymentId)}. The argument is captured now.
   */
  public <A1> void addCompensation(Functions.Proc1<A1> compensation, A1 arg1) {
    compensations.add(() -> compensation.apply(arg1));
  }

  /** Registers a compensation with two arguments, captured now. */
  public <A1, A2> void addCompensation(Functions.Proc2<A1, A2> compensation, A1 arg1, A2 arg2) {
    compensations.add(() -> compensation.apply(arg1, arg2));
  }

  /** Registers a compensation function of one argument, captured now; its result is ignored. */
  public <A1, R> void addCompensation(Functions.Func1<A1, R> compensation, A1 arg1) {
    compensations.add(() -> compensation.apply(arg1));
  }

  /** Registers a compensation function of two arguments, captured now; its result is ignored. */
  public <A1, A2, R> void addCompensation(
      Functions.Func2<A1, A2, R> compensation, A1 arg1, A2 arg2) {
    compensations.add(() -> compensation.apply(arg1, arg2));
  }

  /**
   * Runs the registered compensations (last first, or all at once) in a detached cancellation
   * scope, and clears them.
   *
   * @throws CompensationFailure if any compensation failed; {@link
   *     CompensationFailure#getFailures()} has each failure in the order the compensations ran
   */
  public void compensate() {
    List<Runnable> toRun = new ArrayList<>(compensations);
    compensations.clear();
    List<RuntimeException> failures = new ArrayList<>();
    Workflow.newDetachedCancellationScope(
            () -> {
              if (options.parallel()) {
                runInParallel(toRun, failures);
              } else {
                runInReverse(toRun, failures);
              }
            })
        .run();
    if (!failures.isEmpty()) {
      throw new CompensationFailure(failures);
    }
  }

  private void runInReverse(List<Runnable> toRun, List<RuntimeException> failures) {
    for (int i = toRun.size() - 1; i >= 0; i--) {
      try {
        toRun.get(i).run();
      } catch (RuntimeException e) {
        failures.add(e);
        if (!options.continueWithError()) {
          return;
        }
      }
    }
  }

  private static void runInParallel(List<Runnable> toRun, List<RuntimeException> failures) {
    List<Promise<Void>> running = new ArrayList<>(toRun.size());
    for (int i = toRun.size() - 1; i >= 0; i--) {
      running.add(Workflow.async(toRun.get(i)));
    }
    for (Promise<Void> p : running) {
      try {
        p.get();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
  }

  /**
   * One or more compensations failed. The message lists them; {@link #getFailures()} has each
   * failure (also attached as suppressed exceptions). It is a workflow failure: a workflow method
   * that lets it escape fails the run.
   */
  public static final class CompensationFailure extends WeftFailure {
    private final transient List<RuntimeException> failures;

    CompensationFailure(List<RuntimeException> failures) {
      super(describe(failures), failures.get(0));
      this.failures = List.copyOf(failures);
      failures.forEach(this::addSuppressed);
    }

    /** Returns the failures, in the order the compensations ran. */
    public List<RuntimeException> getFailures() {
      return failures;
    }

    private static String describe(List<RuntimeException> failures) {
      StringBuilder out = new StringBuilder(failures.size() + " compensation(s) failed:");
      for (RuntimeException f : failures) {
        out.append(" [").append(f.getMessage()).append(']');
      }
      return out.toString();
    }
  }
}
