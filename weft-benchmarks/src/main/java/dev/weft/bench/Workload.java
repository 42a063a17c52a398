package dev.weft.bench;

import dev.weft.cli.StoreKind;
import java.util.Optional;

/**
 * One benchmark workload. Implementations are stateless; {@link #run} gets a fresh environment. To
 * add one, implement this interface and list it in {@link Workloads}.
 */
public interface Workload {

  /** The name used on the command line ({@code weft bench <name>}). */
  String name();

  /** One line describing what it measures. */
  String description();

  /**
   * Runs the workload and returns its figures (without {@code workload}, {@code store} and {@code
   * wall_s}, which the runner adds).
   */
  Figures run(BenchEnvironment env, BenchOptions options) throws Exception;

  /**
   * Returns the options of a warm-up run (on its own store, before the measured one) so that the
   * measurement sees compiled code, not the JIT at work; empty for a workload that needs none.
   */
  default Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.empty();
  }

  /**
   * Whether the warm-up repeats until the JIT settles rather than running once: for workloads whose
   * code paths (an HTTP client and server on top of the engine) take far more than a tenth of a run
   * to compile, so that one short warm-up would leave the measurement to the JIT.
   */
  default boolean warmsUpUntilSettled() {
    return false;
  }

  /**
   * Whether this workload reads {@code --duration} and {@code --interval} (it measures triggers
   * over a stretch of real time); the runner refuses them for every other workload.
   */
  default boolean readsDurationAndInterval() {
    return false;
  }

  /** The store kind used when none is given. */
  default StoreKind defaultStore() {
    return StoreKind.SQLITE;
  }

  /**
   * Refuses options this workload cannot run with, before anything starts. By default the workload
   * runs in one engine process, so {@code --nodes} is refused, and {@code --clients} too.
   *
   * @param store the store kind the run will use
   * @throws IllegalArgumentException naming the option and why
   */
  default void validate(BenchOptions options, StoreKind store) {
    if (options.nodes() != null) {
      throw new IllegalArgumentException(
          "--nodes applies to the cluster workload only; " + name() + " runs one engine");
    }
    refuseClients(options);
  }

  /** Refuses {@code --clients}, which only the api-start and sequential workloads read. */
  default void refuseClients(BenchOptions options) {
    if (options.clients() != null) {
      throw new IllegalArgumentException(
          "--clients applies to the api-start and sequential workloads only, not to " + name());
    }
  }
}
