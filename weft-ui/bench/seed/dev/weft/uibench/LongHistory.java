package dev.weft.uibench;

import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * A run with a long history: rounds of parallel activities and a timer until the history has
 * {@code events} events, then it waits for {@code ping} signals (each one a new event the run page
 * must show) and never ends.
 */
@WorkflowInterface
public interface LongHistory {
  @WorkflowMethod
  void fill(int events);

  @SignalMethod
  void ping(int n);
}
