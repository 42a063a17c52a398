package dev.weft.schedules;

import dev.weft.assets.AssetBackfills;
import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.schedules.internal.BackfillLauncher;
import dev.weft.schedules.internal.SensorBackfill;
import dev.weft.schedules.internal.SensorBackfillWorkflow;
import dev.weft.schedules.internal.SensorEvaluator;
import dev.weft.schedules.internal.SensorLoop;
import dev.weft.schedules.internal.SensorStarts;
import dev.weft.schedules.internal.SensorWorkflow;
import dev.weft.schedules.internal.TriggerWorkers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The sensors of an engine: defined in code before the engine starts, each one a built-in workflow
 * ({@code __weft_sensor:<name>}) that evaluates its {@link SensorFunction} on an interval with a
 * durable cursor and starts the runs it requests exactly once. On start, each defined sensor's
 * workflow is started if it is not running; a running one keeps its cursor, pause and recent
 * evaluations and takes the definition's interval.
 *
 * <pre>{@code
 * WeftEngine engine = WeftEngine.builder().store(store).build();
 * Sensors sensors = Sensors.builder(engine)
 *     .sensor(SensorDefinition.of("new_blocks", Duration.ofSeconds(5), newBlocks))
 *     .build();
 * engine.start();
 * SensorDescription d = sensors.describe("new_blocks");
 * }</pre>
 *
 * <p>The runtime methods are thread-safe. Pause, unpause and set-cursor are signals: they are
 * durable when the method returns and applied by the sensor's workflow right after.
 */
public final class Sensors {
  private final WeftClient client;
  private final Map<String, SensorDefinition> definitions;

  private Sensors(WeftClient client, Map<String, SensorDefinition> definitions) {
    this.client = client;
    this.definitions = definitions;
  }

  /** Returns a builder of the sensors of {@code engine}; build it before {@code engine.start()}. */
  public static Builder builder(WeftEngine engine) {
    return new Builder(engine);
  }

  /** Returns the descriptions of the defined sensors, by name. */
  public List<SensorDescription> list() {
    List<SensorDescription> all = new ArrayList<>();
    for (String name : definitions.keySet()) {
      all.add(describe(name));
    }
    return all;
  }

  /**
   * Returns sensor {@code name}: status, cursor, failures, next evaluation and recent evaluations.
   *
   * @throws SensorNotFoundException if no sensor of that name is defined
   */
  public SensorDescription describe(String name) {
    return sensor(name).describe();
  }

  /**
   * Pauses sensor {@code name} with a note: it stops evaluating (one under way completes) until
   * {@link #unpause}.
   *
   * @throws SensorNotFoundException if no sensor of that name is defined
   */
  public void pause(String name, String note) {
    sensor(name).pause(note);
  }

  /**
   * Unpauses sensor {@code name}: it evaluates one interval later.
   *
   * @throws SensorNotFoundException if no sensor of that name is defined
   */
  public void unpause(String name) {
    sensor(name).unpause();
  }

  /**
   * Replaces the cursor the next evaluation of sensor {@code name} is given ({@code null} to start
   * over). Requests already started keep their runs: a request with a key that ran before starts
   * nothing new. If an evaluation is under way, its result's new cursor (if it returns one)
   * replaces this one, since it was computed from the old cursor; a skip keeps this one.
   *
   * @throws SensorNotFoundException if no sensor of that name is defined
   */
  public void setCursor(String name, String cursor) {
    sensor(name).setCursor(cursor);
  }

  private SensorWorkflow sensor(String name) {
    if (name == null || !definitions.containsKey(name)) {
      throw new SensorNotFoundException(name);
    }
    try {
      client.getHandle(SensorWorkflow.workflowId(name));
    } catch (WorkflowNotFoundException e) {
      throw new SensorNotFoundException(name);
    }
    return client.newWorkflowStub(SensorWorkflow.class, SensorWorkflow.workflowId(name));
  }

  /** Collects the sensor definitions of an engine. */
  public static final class Builder {
    private final WeftEngine engine;
    private final Map<String, SensorDefinition> definitions = new LinkedHashMap<>();
    private AssetBackfills backfills;

    private Builder(WeftEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Adds a sensor.
     *
     * @throws IllegalArgumentException if a sensor of that name was added already
     */
    public Builder sensor(SensorDefinition definition) {
      Objects.requireNonNull(definition, "definition");
      if (definitions.putIfAbsent(definition.name(), definition) != null) {
        throw new IllegalArgumentException(
            "sensor '" + definition.name() + "' is defined twice: expected unique names");
      }
      return this;
    }

    /**
     * Sets the asset backfills the sensors' backfill requests ({@link RunRequest#backfill}) launch
     * through, usually {@code assets.backfills()}; without them such a request fails.
     */
    public Builder backfills(AssetBackfills backfills) {
      this.backfills = Objects.requireNonNull(backfills, "backfills");
      return this;
    }

    /** Adds sensors. */
    public Builder sensors(Collection<SensorDefinition> all) {
      all.forEach(this::sensor);
      return this;
    }

    /**
     * Registers the sensor workflow (task queue {@code __weft_schedules}), the evaluation activity
     * (task queue {@code __weft_sensors}) and the start of the sensors with the engine.
     *
     * @throws IllegalStateException if the engine started already
     */
    public Sensors build() {
      Map<String, SensorFunction> functions = new TreeMap<>();
      definitions.values().forEach(d -> functions.put(d.name(), d.function()));
      TriggerWorkers.register(engine).registerWorkflow(SensorWorkflow.class, SensorLoop::new);
      engine
          .newWorker(SensorWorkflow.EVALUATION_QUEUE)
          .registerWorkflow(SensorBackfillWorkflow.class, SensorBackfill::new)
          .registerActivities(new SensorEvaluator(functions))
          .registerActivities(new BackfillLauncher(backfills));
      engine.addService(new SensorStarts(engine.client(), List.copyOf(definitions.values())));
      return new Sensors(engine.client(), new TreeMap<>(definitions));
    }
  }
}
