package dev.weft.internal.engine;

import dev.weft.store.FlowControl;
import dev.weft.store.FlowControlChange;
import dev.weft.store.Store;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's copy of the store's flow-control settings (pauses, limits), so that deciding whether
 * a task may skip its queue costs no read. The store enforces the settings on every claim; the copy
 * only keeps the eager path (tasks handed to a worker of this node without a claim) from going
 * around them. It is read again when the settings change here or on another node (a store
 * notification), and on every safety poll.
 */
public final class FlowControlView {
  private static final Logger log = LoggerFactory.getLogger(FlowControlView.class);

  private final Store store;
  private final long maxAgeNanos;
  private volatile FlowControl current = FlowControl.NONE;
  private volatile long readAt = System.nanoTime();
  private final AtomicBoolean refreshing = new AtomicBoolean();

  /**
   * @param store the store whose settings this node follows
   * @param maxAge how old the copy may get before it is read again (the safety poll), in case a
   *     notification of a change was lost
   */
  public FlowControlView(Store store, Duration maxAge) {
    this.store = store;
    this.maxAgeNanos = maxAge.toNanos();
  }

  /**
   * The settings as last read; older than the safety poll, they are read again in the background.
   */
  public FlowControl current() {
    if (System.nanoTime() - readAt > maxAgeNanos) {
      refreshSoon();
    }
    return current;
  }

  /** Reads the settings now. */
  public void refresh() {
    current = store.flowControl();
    readAt = System.nanoTime();
  }

  /** Reads the settings again on a virtual thread (from a store listener, which must not block). */
  public void refreshSoon() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    Thread.ofVirtual()
        .name("weft-flow-control-refresh")
        .start(
            () -> {
              try {
                refresh();
              } catch (RuntimeException e) {
                log.debug("could not read the flow-control settings; the next poll will", e);
              } finally {
                refreshing.set(false);
              }
            });
  }

  /** Applies a change through the store and keeps the settings it returns. */
  public FlowControl change(FlowControlChange change) {
    FlowControl after = store.changeFlowControl(change);
    current = after;
    readAt = System.nanoTime();
    return after;
  }
}
