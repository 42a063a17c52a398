package dev.weft.internal.client;

import dev.weft.engine.WeftClock;
import dev.weft.internal.engine.FlowControlView;
import dev.weft.store.FlowControl;
import dev.weft.store.FlowControlChange;
import dev.weft.store.KeyLimit;
import dev.weft.store.Pause;
import dev.weft.store.RateLimit;
import dev.weft.store.Store;

/**
 * The client's flow-control settings: pauses of queues and activity types, queue rates and
 * fairness-key limits. Each change goes through the store (which every node's claims obey) and
 * updates this node's copy at once.
 */
public final class FlowControls {
  private final FlowControlView view;
  private final Store store;
  private final WeftClock clock;
  private final String nodeId;

  /**
   * @param nodeId this node's name, recorded with the pauses it makes
   */
  public FlowControls(FlowControlView view, Store store, WeftClock clock, String nodeId) {
    this.view = view;
    this.store = store;
    this.clock = clock;
    this.nodeId = nodeId;
  }

  void pauseTaskQueue(String taskQueue, String reason) {
    view.change(
        new FlowControlChange.PauseQueue(taskQueue, new Pause(clock.now(), reason, nodeId)));
  }

  void resumeTaskQueue(String taskQueue) {
    view.change(new FlowControlChange.ResumeQueue(taskQueue));
  }

  void pauseActivityType(String taskQueue, String activityType, String reason) {
    view.change(
        new FlowControlChange.PauseActivityType(
            taskQueue, activityType, new Pause(clock.now(), reason, nodeId)));
  }

  void resumeActivityType(String taskQueue, String activityType) {
    view.change(new FlowControlChange.ResumeActivityType(taskQueue, activityType));
  }

  void setTaskQueueRateLimit(String taskQueue, RateLimit rate) {
    view.change(new FlowControlChange.SetQueueRate(taskQueue, rate));
  }

  void setFairnessKeyLimit(String taskQueue, String fairnessKey, KeyLimit limit) {
    view.change(new FlowControlChange.SetKeyLimit(taskQueue, fairnessKey, limit));
  }

  FlowControl current() {
    return store.flowControl();
  }
}
