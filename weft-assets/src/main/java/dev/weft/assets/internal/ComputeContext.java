package dev.weft.assets.internal;

import dev.weft.assets.AssetContext;
import dev.weft.assets.AssetInput;
import dev.weft.assets.AssetKey;
import dev.weft.client.WeftClient;
import dev.weft.store.assets.partitions.IndexRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context of one compute attempt, over its loaded inputs. */
public final class ComputeContext implements AssetContext {
  private final List<AssetKey> outputs;
  private final String partition;
  private final String runId;
  private final Map<AssetKey, Object> inputs;
  private final Map<String, Object> metadata = new LinkedHashMap<>();
  private final Map<AssetKey, String> dataVersions = new LinkedHashMap<>();
  private final Logger log;
  private final WeftClient client;
  private final PartitionRun run;

  /** Creates the context of a compute producing {@code outputs}, inputs loaded. */
  public ComputeContext(
      List<AssetKey> outputs,
      String partition,
      String runId,
      Map<AssetKey, Object> inputs,
      WeftClient client) {
    this(outputs, PartitionRun.none(partition), runId, inputs, client);
  }

  /** Creates the context of a compute of the partitions of {@code run}, inputs loaded. */
  public ComputeContext(
      List<AssetKey> outputs,
      PartitionRun run,
      String runId,
      Map<AssetKey, Object> inputs,
      WeftClient client) {
    this.run = run;
    String partition = run.text();
    this.client = client;
    this.outputs = List.copyOf(outputs);
    this.partition = partition;
    this.runId = runId;
    this.inputs = inputs;
    this.log =
        LoggerFactory.getLogger("dev.weft.assets." + outputs.get(0).path().replace('/', '.'));
  }

  @Override
  public AssetKey assetKey() {
    return outputs.get(0);
  }

  @Override
  public String partition() {
    return partition;
  }

  @Override
  public boolean hasPartitions() {
    return run.range() != null;
  }

  @Override
  public String partitionKey() {
    if (!hasPartitions()) {
      throw new IllegalStateException("asset " + assetKey() + " is not partitioned");
    }
    if (run.keys().size() != 1) {
      throw new IllegalStateException(
          "asset "
              + assetKey()
              + ": this ranged run materializes "
              + run.keys().size()
              + " partitions ("
              + run.text()
              + "); use partitionKeys() or partitionRange()");
    }
    return run.keys().get(0);
  }

  @Override
  public List<String> partitionKeys() {
    return run.keys();
  }

  @Override
  public IndexRange partitionRange() {
    if (!hasPartitions()) {
      throw new IllegalStateException("asset " + assetKey() + " is not partitioned");
    }
    return run.range();
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public Logger log() {
    return log;
  }

  @Override
  public WeftClient client() {
    if (client == null) {
      throw new IllegalStateException(
          "asset " + assetKey() + ": no engine client here (the compute runs outside an engine)");
    }
    return client;
  }

  @Override
  public <T> T input(String path, Class<T> type) {
    AssetKey key = AssetKey.of(path);
    if (!inputs.containsKey(key)) {
      throw new IllegalArgumentException(
          "asset "
              + assetKey()
              + " reads "
              + key
              + ", which is not one of its declared inputs "
              + inputs.keySet());
    }
    Object value = inputs.get(key);
    if (value != null && !AnnotationReader.boxed(type).isInstance(value)) {
      throw new IllegalArgumentException(
          "asset "
              + assetKey()
              + " reads input "
              + key
              + " as "
              + type.getName()
              + ", but its value is a "
              + value.getClass().getName());
    }
    @SuppressWarnings("unchecked")
    T t = (T) value;
    return t;
  }

  @Override
  public <T> T input(AssetInput<T> input) {
    return input(input.key().path(), input.type());
  }

  @Override
  public void addMetadata(String name, Object value) {
    metadata.put(name, value);
  }

  @Override
  public void setDataVersion(String version) {
    outputs.forEach(k -> setDataVersion(k, version));
  }

  @Override
  public void setDataVersion(AssetKey output, String version) {
    if (!outputs.contains(output)) {
      throw new IllegalArgumentException(
          "asset " + assetKey() + ": " + output + " is not one of its outputs " + outputs);
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("asset " + output + ": a data version must not be blank");
    }
    dataVersions.put(output, version);
  }

  /** Returns the metadata the compute added. */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /** Returns the data version the compute set for this output, or null. */
  public String dataVersionOf(AssetKey output) {
    return dataVersions.get(output);
  }
}
