package dev.weft.uibench;

import dev.weft.assets.Assets;
import dev.weft.engine.WeftApp;
import dev.weft.engine.WeftEngine;

/**
 * The browser benchmark's workflows, served by {@code weft server --app} on the seeded store (so
 * that the long history's run takes the benchmark's signals) and registered by {@link UiBenchSeed}.
 */
public final class UiBenchApp implements WeftApp {
  /** The queue of every benchmark workflow and activity. */
  public static final String QUEUE = "ui-bench";

  private Assets assets;

  @Override
  public String name() {
    return "ui-bench";
  }

  @Override
  public void register(WeftEngine engine) {
    engine
        .newWorker(QUEUE)
        .registerWorkflow(OrderWorkflow.class, OrderWorkflowImpl::new)
        .registerWorkflow(LongHistory.class, LongHistoryImpl::new)
        .registerActivities(new NoopActivitiesImpl());
    assets = UiBenchAssets.register(engine);
  }

  /** The assets {@link #register} registered (null before). */
  Assets assets() {
    return assets;
  }
}
