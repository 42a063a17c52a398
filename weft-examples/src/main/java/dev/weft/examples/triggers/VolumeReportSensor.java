package dev.weft.examples.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.examples.assets.chain.ChainAssets;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorContext;
import dev.weft.schedules.SensorFunction;
import dev.weft.schedules.SensorResult;
import dev.weft.schedules.TriggerAction;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.MaterializationRecord;
import java.util.List;
import java.util.Objects;

/**
 * The sensor {@value ExampleTriggers#VOLUME_REPORT}: it watches the chain's daily volume ({@value
 * ChainAssets#DAILY_VOLUME}) in the catalog, so it is evaluated only when a new materialization of
 * it commits (never on a timer), and then starts one {@link VolumeReport} for the volume's current
 * data version, keyed by that version (its first {@value #KEY_LENGTH} characters, so the run's ID
 * {@code volume-report:<key>} stays short in the workflows list): a materialization that stores the
 * same data again (the same data version) starts nothing new. The cursor is the last reported data
 * version.
 */
public final class VolumeReportSensor implements SensorFunction {
  /** The watched asset. */
  public static final AssetKey VOLUME = AssetKey.of(ChainAssets.DAILY_VOLUME);

  /** How many characters of the data version make a report's dedupe key. */
  public static final int KEY_LENGTH = 12;

  private final Assets assets;

  /** Reads the volume's current materialization from the catalog of {@code assets}. */
  public VolumeReportSensor(Assets assets) {
    this.assets = Objects.requireNonNull(assets, "assets");
  }

  @Override
  public SensorResult evaluate(SensorContext context) {
    if (!context.changedAssets().contains(VOLUME)) {
      return SensorResult.skip("no new materialization of " + VOLUME);
    }
    MaterializationRecord current =
        assets.status(VOLUME).map(AssetStateRecord::current).orElse(null);
    if (current == null) {
      return SensorResult.skip(VOLUME + " has no current materialization");
    }
    return SensorResult.requests(current.dataVersion(), List.of(report(current)));
  }

  /** The report of {@code materialization}, keyed by its data version. */
  public static RunRequest report(MaterializationRecord materialization) {
    JsonNode run =
        materialization.runId() == null
            ? NullNode.getInstance()
            : TextNode.valueOf(materialization.runId());
    String version = materialization.dataVersion();
    return new RunRequest(
        version.substring(0, Math.min(KEY_LENGTH, version.length())),
        TriggerAction.StartWorkflow.of(
            VolumeReport.TYPE,
            VolumeReport.TASK_QUEUE,
            TextNode.valueOf(version),
            TextNode.valueOf(materialization.finishedAt().toString()),
            run));
  }
}
