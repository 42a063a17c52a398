package dev.weft.bench;

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
  default java.util.Optional<BenchOptions> warmUp(BenchOptions options) {
    return java.util.Optional.empty();
  }
}
