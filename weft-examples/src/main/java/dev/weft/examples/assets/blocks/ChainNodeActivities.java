package dev.weft.examples.assets.blocks;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;

/** What {@link ReorgWorkflow} asks of the fake chain's node. */
@ActivityInterface
public interface ChainNodeActivities {
  /**
   * Observes every block's hash into the catalog (the state before), re-organizes the last {@code
   * depth} blocks and observes again; returns a one-line summary (which blocks, how many hashes
   * changed).
   */
  @ActivityMethod(name = "ReorgAndObserve")
  String reorgAndObserve(int depth);
}
