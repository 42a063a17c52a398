package dev.weft.schedules;

import dev.weft.assets.AssetBackfills;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.schedules.internal.SensorHosts;
import dev.weft.schedules.internal.SensorStarts;
import dev.weft.schedules.internal.SensorWorkflow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

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

  /** The sensors defined in code, by name; {@code null} for a {@link #client} view. */
  private final Map<String, SensorDefinition> definitions;

  private Sensors(WeftClient client, Map<String, SensorDefinition> definitions) {
    this.client = client;
    this.definitions = definitions;
  }

  /**
   * Returns the sensors of {@code client}'s namespace managed through the client alone, for a
   * process that does not run them (an API server, a CLI): list, describe, pause, unpause and
   * set-cursor reach the sensor workflows that the nodes which built {@link #builder} run, by query
   * and signal. It knows the sensors by their running workflows, not by definitions: {@link
   * #list()} returns every running sensor, and a name without one is a {@link
   * SensorNotFoundException}.
   */
  public static Sensors client(WeftClient client) {
    return new Sensors(Objects.requireNonNull(client, "client"), null);
  }

  /** Returns a builder of the sensors of {@code engine}; build it before {@code engine.start()}. */
  public static Builder builder(WeftEngine engine) {
    return new Builder(engine);
  }

  /**
   * Returns the descriptions of the sensors, by name: the defined ones, or for a {@link #client}
   * view every sensor whose workflow runs in the namespace (one removed between the listing and its
   * description is left out).
   */
  public List<SensorDescription> list() {
    List<SensorDescription> all = new ArrayList<>();
    for (String name : names()) {
      try {
        all.add(describe(name));
      } catch (SensorNotFoundException e) {
        // its workflow ended between the listing and the description
      }
    }
    return all;
  }

  private Collection<String> names() {
    if (definitions != null) {
      return definitions.keySet();
    }
    List<String> names = new ArrayList<>();
    WorkflowFilter filter =
        WorkflowFilter.all().withStatus(WorkflowStatus.RUNNING).withType(SensorWorkflow.TYPE);
    WorkflowPage page = client.listWorkflows(filter);
    while (true) {
      for (WorkflowSummary summary : page.workflows()) {
        names.add(summary.workflowId().substring(SensorWorkflow.WORKFLOW_ID_PREFIX.length()));
      }
      if (page.nextPageToken() == null) {
        break;
      }
      page = client.listWorkflows(filter.pageToken(page.nextPageToken()));
    }
    return new TreeSet<>(names);
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
    if (name == null || (definitions != null && !definitions.containsKey(name))) {
      throw new SensorNotFoundException(name);
    }
    try {
      WorkflowHandle<Object> handle = client.getHandle(SensorWorkflow.workflowId(name));
      // a client view knows sensors by their running workflows only
      if (definitions == null && handle.describe().status() != WorkflowStatus.RUNNING) {
        throw new SensorNotFoundException(name);
      }
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
     * <p>With no sensor added, only the sensor workflow is registered: such a node (an API server)
     * answers {@link Sensors#client} describe queries of the sensors other nodes define, and takes
     * none of their evaluations, which need the functions those nodes hold. Several builders on one
     * engine (an app's and its node's) share the workflow and the evaluation worker; each adds its
     * sensors.
     *
     * @throws IllegalStateException if the engine started already
     * @throws IllegalArgumentException if another builder on the engine defined one of its names
     */
    public Sensors build() {
      SensorHosts hosts = SensorHosts.of(engine);
      if (definitions.isEmpty()) {
        return new Sensors(engine.client(), Map.of());
      }
      Map<String, SensorFunction> functions = new TreeMap<>();
      definitions.values().forEach(d -> functions.put(d.name(), d.function()));
      hosts.add(functions, backfills);
      engine.addService(new SensorStarts(engine.client(), List.copyOf(definitions.values())));
      return new Sensors(engine.client(), new TreeMap<>(definitions));
    }
  }
}
