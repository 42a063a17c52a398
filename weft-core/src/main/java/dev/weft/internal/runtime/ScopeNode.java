package dev.weft.internal.runtime;

import dev.weft.workflow.CancellationScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cancellation scope: a node in the tree rooted at the workflow's root scope. Cancelling it runs
 * the cancel handlers of the operations started in it (which issue cancel commands and fail their
 * promises) and cancels its non-detached children, in registration order (deterministic).
 */
final class ScopeNode implements CancellationScope {

  /** An operation that can be cancelled (a pending activity or timer). */
  interface Cancelable {
    void cancel(String reason);
  }

  private final ScopeNode parent;
  private final boolean detached;
  private final Runnable body;
  private final List<ScopeNode> children = new ArrayList<>();
  private final Set<Cancelable> operations = new LinkedHashSet<>();
  private boolean cancelRequested;
  private String reason;

  ScopeNode(ScopeNode parent, boolean detached, Runnable body) {
    this.parent = parent;
    this.detached = detached;
    this.body = body;
    if (parent != null && !detached) {
      parent.children.add(this);
      if (parent.cancelRequested) {
        this.cancelRequested = true;
        this.reason = parent.reason;
      }
    }
  }

  @Override
  public void run() {
    Coroutine self =
        WorkflowThreadContext.current("CancellationScope.run()")
            .blockingCoroutine("CancellationScope.run()");
    ScopeNode previous = self.scope;
    self.scope = this;
    try {
      body.run();
    } finally {
      self.scope = previous;
    }
  }

  @Override
  public void cancel() {
    cancel("cancelled");
  }

  @Override
  public void cancel(String reason) {
    if (cancelRequested) {
      return;
    }
    WorkflowThreadContext.current("CancellationScope.cancel()");
    cancelInternal(reason);
  }

  void cancelInternal(String why) {
    if (cancelRequested) {
      return;
    }
    cancelRequested = true;
    reason = why;
    for (ScopeNode child : new ArrayList<>(children)) {
      child.cancelInternal(why);
    }
    List<Cancelable> pending = new ArrayList<>(operations);
    operations.clear();
    for (Cancelable op : pending) {
      op.cancel(why);
    }
  }

  /** Registers an operation; if the scope is cancelled already, cancels it at once. */
  void register(Cancelable op) {
    if (cancelRequested) {
      op.cancel(reason);
    } else {
      operations.add(op);
    }
  }

  void unregister(Cancelable op) {
    operations.remove(op);
  }

  @Override
  public boolean isCancelRequested() {
    return cancelRequested;
  }

  String reason() {
    return reason;
  }

  @Override
  public boolean isDetached() {
    return detached;
  }

  ScopeNode parent() {
    return parent;
  }
}
