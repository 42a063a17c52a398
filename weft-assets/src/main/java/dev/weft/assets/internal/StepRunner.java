package dev.weft.assets.internal;

import dev.weft.assets.AssetCheck;
import dev.weft.assets.AssetDefinition;
import dev.weft.assets.AssetInput;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetOutputs;
import dev.weft.assets.AssetSpec;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.CheckFunction;
import dev.weft.assets.CheckResult;
import dev.weft.assets.DataVersion;
import dev.weft.assets.InputContext;
import dev.weft.assets.IoManager;
import dev.weft.assets.MultiAssetDefinition;
import dev.weft.assets.ObservableSourceAsset;
import dev.weft.assets.OutputContext;
import dev.weft.assets.StoredOutput;
import dev.weft.client.WeftClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one definition once: loads its inputs through their IO managers, runs the compute, checks
 * the output types, stores the outputs, runs the checks. Knows nothing of workflows: the activity
 * and the testing kit both use it.
 */
public final class StepRunner {
  private final Map<String, IoManager> ioManagers;
  private final Map<AssetKey, AssetSpec> specs;
  private final Clock clock;
  private final WeftClient client;

  /**
   * Creates a runner over these IO managers and the specs of every asset of the graph; computes get
   * {@code client} (null outside an engine) from their context.
   */
  public StepRunner(
      Map<String, IoManager> ioManagers,
      Map<AssetKey, AssetSpec> specs,
      Clock clock,
      WeftClient client) {
    this.ioManagers = Map.copyOf(ioManagers);
    this.specs = Map.copyOf(specs);
    this.clock = clock;
    this.client = client;
  }

  /**
   * Runs the definition for the partition in the run.
   *
   * @throws StepFailure naming the asset when an input cannot be loaded, the compute throws or
   *     returns the wrong type, or an output cannot be stored
   */
  public StepResult run(AssetsDefinition definition, String partition, String runId) {
    return run(definition, PartitionRun.none(partition), Map.of(), runId);
  }

  /**
   * Runs the definition for the partitions of {@code run}, loading each input for the partition
   * text given in {@code inputPartitions} (the mapped upstream partitions; an input not there is
   * loaded for the run's own partition text).
   *
   * @throws StepFailure as {@link #run(AssetsDefinition, String, String)}
   */
  public StepResult run(
      AssetsDefinition definition,
      PartitionRun run,
      Map<AssetKey, String> inputPartitions,
      String runId) {
    String partition = run.text();
    Instant startedAt = clock.instant();
    if (definition instanceof ObservableSourceAsset source) {
      return observe(source, run, runId, startedAt);
    }
    Map<AssetKey, Object> inputs = new LinkedHashMap<>();
    AssetKey first = definition.specs().get(0).key();
    for (AssetInput<?> input : definition.inputs()) {
      inputs.put(
          input.key(), load(first, input, inputPartitions.getOrDefault(input.key(), partition)));
    }
    List<AssetKey> outputKeys = definition.specs().stream().map(AssetSpec::key).toList();
    ComputeContext ctx = new ComputeContext(outputKeys, run, runId, inputs, client);
    Map<AssetKey, Object> values = compute(definition, ctx);
    List<StepResult.Output> outputs = new ArrayList<>();
    List<StepResult.CheckRun> checks = new ArrayList<>();
    long millis = clock.millis() - startedAt.toEpochMilli();
    for (AssetSpec spec : definition.specs()) {
      Object value = values.get(spec.key());
      StoredOutput stored = store(spec, partition, value);
      Map<String, Object> metadata = new LinkedHashMap<>(stored.metadata());
      metadata.putAll(ctx.metadata());
      metadata.put("computeMillis", millis);
      String version = ctx.dataVersionOf(spec.key());
      outputs.add(
          new StepResult.Output(
              spec.key(),
              version != null ? version : stored.dataVersion().value(),
              spec.codeVersion(),
              metadata));
      for (AssetCheck<?> check : spec.checks()) {
        checks.add(check(spec.key(), check, value));
      }
    }
    return new StepResult(outputs, checks, startedAt, clock.instant());
  }

  private StepResult observe(
      ObservableSourceAsset source, PartitionRun run, String runId, Instant startedAt) {
    ComputeContext ctx = new ComputeContext(List.of(source.key()), run, runId, Map.of(), client);
    DataVersion version;
    try {
      version = source.observer().observe(ctx);
    } catch (Exception e) {
      throw new StepFailure(
          e.getClass().getName(),
          "observable source " + source.key() + ": observe failed: " + e,
          true,
          e);
    }
    if (version == null) {
      throw new StepFailure(
          "NullDataVersion",
          "observable source " + source.key() + ": observe returned no data version",
          false,
          null);
    }
    return new StepResult(
        List.of(
            new StepResult.Output(
                source.key(), version.value(), null, new LinkedHashMap<>(ctx.metadata()))),
        List.of(),
        startedAt,
        clock.instant());
  }

  private Object load(AssetKey reader, AssetInput<?> input, String partition) {
    AssetSpec upstream = specs.get(input.key());
    IoManager io = ioManager(upstream);
    try {
      Object value =
          io.load(
              new InputContext(input.key(), partition, input.type(), input.genericType(), reader));
      if (value != null && !AnnotationReader.boxed(input.type()).isInstance(value)) {
        throw new StepFailure(
            "InputTypeMismatch",
            "asset "
                + reader
                + ": IO manager '"
                + upstream.ioManager()
                + "' loaded input "
                + input.key()
                + " as "
                + value.getClass().getName()
                + ", expected "
                + input.type().getName(),
            false,
            null);
      }
      return value;
    } catch (StepFailure e) {
      throw e;
    } catch (Exception e) {
      throw new StepFailure(
          "IoManagerLoadFailed",
          "asset "
              + reader
              + ": IO manager '"
              + upstream.ioManager()
              + "' cannot load input "
              + input.key()
              + ": "
              + e,
          true,
          e);
    }
  }

  private Map<AssetKey, Object> compute(AssetsDefinition definition, ComputeContext ctx) {
    AssetKey first = ctx.assetKey();
    Object result;
    try {
      result =
          switch (definition) {
            case AssetDefinition single -> single.compute().compute(ctx);
            case MultiAssetDefinition multi -> multi.compute().compute(ctx);
            case ObservableSourceAsset source -> throw new IllegalStateException("not computed");
          };
    } catch (Exception e) {
      throw new StepFailure(
          e.getClass().getName(), "asset " + first + ": compute failed: " + e, true, e);
    }
    Map<AssetKey, Object> values = new LinkedHashMap<>();
    if (definition instanceof MultiAssetDefinition multi) {
      if (!(result instanceof AssetOutputs outputs)) {
        throw new StepFailure(
            "OutputMismatch",
            "multi-asset " + multi.name() + ": compute returned no AssetOutputs",
            false,
            null);
      }
      values.putAll(outputs.values());
      List<AssetKey> declared = multi.outputs().stream().map(AssetSpec::key).toList();
      if (!values.keySet().equals(new HashSet<>(declared))) {
        throw new StepFailure(
            "OutputMismatch",
            "multi-asset "
                + multi.name()
                + ": compute returned outputs "
                + values.keySet()
                + ", expected "
                + declared,
            false,
            null);
      }
    } else {
      values.put(first, result);
    }
    for (AssetSpec spec : definition.specs()) {
      Object value = values.get(spec.key());
      Class<?> type = AnnotationReader.boxed(spec.type());
      if (value == null) {
        throw new StepFailure(
            "NullOutput", "asset " + spec.key() + ": compute returned null", false, null);
      }
      if (!type.isInstance(value)) {
        throw new StepFailure(
            "OutputTypeMismatch",
            "asset "
                + spec.key()
                + ": compute returned "
                + value.getClass().getName()
                + ", expected "
                + type.getName(),
            false,
            null);
      }
    }
    return values;
  }

  private StoredOutput store(AssetSpec spec, String partition, Object value) {
    try {
      return ioManager(spec).store(new OutputContext(spec.key(), partition, spec), value);
    } catch (Exception e) {
      throw new StepFailure(
          "IoManagerStoreFailed",
          "asset " + spec.key() + ": IO manager '" + spec.ioManager() + "' cannot store it: " + e,
          true,
          e);
    }
  }

  private IoManager ioManager(AssetSpec spec) {
    IoManager io = ioManagers.get(spec.ioManager());
    if (io == null) {
      throw new StepFailure(
          "UnknownIoManager",
          "asset "
              + spec.key()
              + " names IO manager '"
              + spec.ioManager()
              + "', which is not registered",
          false,
          null);
    }
    return io;
  }

  @SuppressWarnings("unchecked")
  private static StepResult.CheckRun check(AssetKey key, AssetCheck<?> check, Object value) {
    CheckResult result;
    try {
      result = ((CheckFunction<Object>) check.function()).check(value);
      if (result == null) {
        result = CheckResult.failed(Map.of("error", "check returned no result"));
      }
    } catch (Exception e) {
      result =
          CheckResult.failed(
              Map.of("error", "asset " + key + ": check " + check.name() + " threw " + e));
    }
    return new StepResult.CheckRun(
        key, check.name(), result.passed(), check.severity(), check.blocking(), result.metadata());
  }
}
