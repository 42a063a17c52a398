package dev.weft.schedules.internal;

import dev.weft.assets.AssetKey;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.EngineService;
import dev.weft.schedules.SensorDefinition;
import java.util.List;

/**
 * Brings each defined sensor's workflow up when the engine starts: one signal-with-start per
 * sensor, so a sensor not running starts (paused if so defined) and a running one keeps its state
 * (cursor, pause, evaluations) and only takes the definition's interval and watched assets.
 */
public final class SensorStarts implements EngineService {
  private final WeftClient client;
  private final List<SensorDefinition> definitions;

  /** Starts or updates {@code definitions} through {@code client}. */
  public SensorStarts(WeftClient client, List<SensorDefinition> definitions) {
    this.client = client;
    this.definitions = List.copyOf(definitions);
  }

  @Override
  public void start() {
    for (SensorDefinition definition : definitions) {
      WorkflowOptions options =
          WorkflowOptions.newBuilder()
              .workflowId(SensorWorkflow.workflowId(definition.name()))
              .taskQueue(SensorWorkflow.TASK_QUEUE)
              .build();
      List<String> watched = definition.watchedAssets().stream().map(AssetKey::path).toList();
      SensorState initial =
          SensorState.initial(
              definition.name(), definition.minimumInterval(), definition.pausedAtStart(), watched);
      client.signalWithStart(
          SensorWorkflow.TYPE,
          options,
          new Object[] {initial},
          SensorWorkflow.DEFINE,
          definition.minimumInterval());
      client.getHandle(options.workflowId()).signal(SensorWorkflow.WATCH, watched);
    }
  }

  @Override
  public void close() {
    // nothing runs between start and close: the workflows live in the store
  }
}
