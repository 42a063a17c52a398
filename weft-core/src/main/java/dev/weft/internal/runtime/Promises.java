package dev.weft.internal.runtime;

import dev.weft.workflow.Promise;
import java.util.List;
import java.util.function.Function;

/** The combinators behind {@link Promise#allOf} and {@link Promise#anyOf}. */
public final class Promises {
  private Promises() {}

  /** Returns a promise done when all are; fails with the first failure in list order. */
  public static Promise<Void> allOf(List<? extends Promise<?>> promises) {
    List<Promise<?>> all = List.copyOf(promises);
    return new Derived<>() {
      @Override
      public boolean isDone() {
        for (Promise<?> p : all) {
          if (!p.isDone()) {
            return false;
          }
        }
        return true;
      }

      @Override
      public RuntimeException getFailure() {
        if (!isDone()) {
          return null;
        }
        for (Promise<?> p : all) {
          if (p.getFailure() != null) {
            return p.getFailure();
          }
        }
        return null;
      }

      @Override
      Void value() {
        return null;
      }
    };
  }

  /** Returns a promise done when any is, with the first done one's outcome in list order. */
  public static <V> Promise<V> anyOf(List<? extends Promise<? extends V>> promises) {
    List<Promise<? extends V>> all = List.copyOf(promises);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("Promise.anyOf needs at least one promise");
    }
    return new Derived<>() {
      private Promise<? extends V> first() {
        for (Promise<? extends V> p : all) {
          if (p.isDone()) {
            return p;
          }
        }
        return null;
      }

      @Override
      public boolean isDone() {
        return first() != null;
      }

      @Override
      public RuntimeException getFailure() {
        Promise<? extends V> p = first();
        return p == null ? null : p.getFailure();
      }

      @Override
      V value() {
        return first().get();
      }
    };
  }

  /** A promise whose state is computed from others. */
  private abstract static class Derived<T> implements Promise<T> {
    abstract T value();

    @Override
    public T get() {
      if (!isDone()) {
        WorkflowThreadContext context = WorkflowThreadContext.current("Promise.get()");
        context
            .runner
            .concurrency()
            .yieldUntil(context.blockingCoroutine("Promise.get()"), this::isDone);
      }
      RuntimeException failure = getFailure();
      if (failure != null) {
        throw failure;
      }
      return value();
    }

    @Override
    public <U> Promise<U> thenApply(Function<? super T, ? extends U> fn) {
      return WorkflowThreadContext.current("Promise.thenApply()")
          .runner
          .concurrency()
          .async("thenApply", () -> fn.apply(get()));
    }
  }
}
