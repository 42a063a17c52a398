package dev.weft.workflow;

/**
 * Functional interfaces for workflow code and typed client calls; they may throw nothing checked.
 */
public final class Functions {
  private Functions() {}

  /** A function of no arguments. */
  @FunctionalInterface
  public interface Func<R> {
    /** Applies the function. */
    R apply();
  }

  /** A function of one argument. */
  @FunctionalInterface
  public interface Func1<A1, R> {
    /** Applies the function. */
    R apply(A1 a1);
  }

  /** A function of two arguments. */
  @FunctionalInterface
  public interface Func2<A1, A2, R> {
    /** Applies the function. */
    R apply(A1 a1, A2 a2);
  }

  /** A function of three arguments. */
  @FunctionalInterface
  public interface Func3<A1, A2, A3, R> {
    /** Applies the function. */
    R apply(A1 a1, A2 a2, A3 a3);
  }

  /** A procedure of no arguments. */
  @FunctionalInterface
  public interface Proc {
    /** Runs the procedure. */
    void apply();
  }

  /** A procedure of one argument. */
  @FunctionalInterface
  public interface Proc1<A1> {
    /** Runs the procedure. */
    void apply(A1 a1);
  }

  /** A procedure of two arguments. */
  @FunctionalInterface
  public interface Proc2<A1, A2> {
    /** Runs the procedure. */
    void apply(A1 a1, A2 a2);
  }

  /** A procedure of three arguments. */
  @FunctionalInterface
  public interface Proc3<A1, A2, A3> {
    /** Runs the procedure. */
    void apply(A1 a1, A2 a2, A3 a3);
  }
}
