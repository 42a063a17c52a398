package dev.weft.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.internal.CatalogComputeOptions;
import dev.weft.assets.internal.Json;
import dev.weft.assets.internal.MaterializeRequest;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.PlanStep;
import dev.weft.assets.internal.SelectionParser;
import dev.weft.assets.internal.SelectionTerm;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetNodeRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starts materializations from the graph the catalog keeps ({@link AssetCatalog#graph}), so any
 * node of the store can start one, also a node (an API server) that does not host the asset code:
 * the plan (keys, upstream edges, multi-assets, retry policies and timeouts) comes from the
 * catalog, and the {@code __weft_materialize} workflow runs on the nodes that built {@link Assets}
 * over the same store (they poll its task queue {@code __weft_assets}). With no such node the
 * workflow waits, queued, until one starts.
 *
 * <pre>{@code
 * CatalogMaterializer materializer =
 *     new CatalogMaterializer(engine.client(), engine.store().extension(AssetCatalog.class), "default");
 * CatalogMaterializer.Plan plan = materializer.plan("+chain/daily_volume");
 * MaterializationHandle run = materializer.start(plan);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CatalogMaterializer {
  private static final ObjectMapper JSON = Json.mapper();

  private final WeftClient client;
  private final AssetCatalog catalog;
  private final String namespace;

  /**
   * Plans from the catalog graph of {@code namespace} and starts through {@code client} (a client
   * of the same namespace).
   */
  public CatalogMaterializer(WeftClient client, AssetCatalog catalog, String namespace) {
    this.client = Objects.requireNonNull(client, "client");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  /** A planned materialization: the selected keys in dependency order, ready to start. */
  public static final class Plan {
    private final List<AssetKey> keys;
    private final MaterializeRequest request;
    private final String location;
    private final Set<String> partitioned;

    private Plan(
        List<AssetKey> keys, MaterializeRequest request, String location, Set<String> partitioned) {
      this.keys = List.copyOf(keys);
      this.request = request;
      this.location = location;
      this.partitioned = Set.copyOf(partitioned);
    }

    /** Returns the code location whose app runs it (every planned asset is of this location). */
    public String location() {
      return location;
    }

    /** Returns the assets it materializes (a multi-asset's every output), in dependency order. */
    public List<AssetKey> keys() {
      return keys;
    }

    /** Returns the workflow's input (for tests of this package). */
    MaterializeRequest request() {
      return request;
    }

    /** Returns the selection, in its canonical form. */
    public String selection() {
      return request.selection();
    }
  }

  /**
   * Plans the selection against the catalog's graph, as a materialization without partitions: every
   * selected asset must be unpartitioned, as {@link Assets#materialize(AssetSelection)} requires
   * ({@code *}, groups and tags included).
   *
   * @throws AssetSelectionSyntaxException naming the token and position of a syntax error
   * @throws UnknownAssetException naming the keys the graph lacks
   * @throws SelectionHasPartitionedAssetsException naming the partitioned assets the selection
   *     holds
   * @throws IllegalArgumentException naming a group that has no asset, or each location's keys if
   *     the selection spans several code locations
   */
  public Plan plan(String selection) {
    Plan plan = resolve(selection);
    List<AssetKey> partitioned =
        plan.keys.stream().filter(k -> plan.partitioned.contains(k.path())).toList();
    if (!partitioned.isEmpty()) {
      throw SelectionHasPartitionedAssetsException.of(
          plan.selection(), partitioned, partitioned.size() == plan.keys.size());
    }
    return plan;
  }

  /**
   * Plans the selection against the catalog's graph, partitioned assets included (what a backfill
   * checks its selection with).
   *
   * @throws AssetSelectionSyntaxException naming the token and position of a syntax error
   * @throws UnknownAssetException naming the keys the graph lacks
   * @throws IllegalArgumentException naming a group that has no asset, or each location's keys if
   *     the selection spans several code locations
   */
  Plan resolve(String selection) {
    List<SelectionTerm> terms = new SelectionParser(selection).parse();
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (AssetNodeRecord r : catalog.graph(namespace)) {
      nodes.put(r.assetKey(), new Node(r, parse(r)));
    }
    List<AssetKey> unknown = new ArrayList<>();
    for (SelectionTerm term : terms) {
      if (term instanceof SelectionTerm.Key k && !nodes.containsKey(k.key().path())) {
        unknown.add(k.key());
      }
    }
    if (!unknown.isEmpty()) {
      throw UnknownAssetException.of(unknown, nodes.keySet().stream().map(AssetKey::of).toList());
    }
    Map<String, List<String>> downstream = new HashMap<>();
    nodes
        .values()
        .forEach(
            n ->
                n.record
                    .upstream()
                    .forEach(
                        u -> downstream.computeIfAbsent(u, x -> new ArrayList<>()).add(n.key())));
    Set<String> selected = new LinkedHashSet<>();
    for (SelectionTerm term : terms) {
      selected.addAll(select(term, nodes, downstream));
    }
    // a multi-asset runs whole
    Map<String, List<String>> byDefinition = new LinkedHashMap<>();
    nodes
        .values()
        .forEach(
            n -> byDefinition.computeIfAbsent(n.definition(), d -> new ArrayList<>()).add(n.key()));
    Set<String> whole = new LinkedHashSet<>();
    selected.forEach(k -> whole.addAll(byDefinition.get(nodes.get(k).definition())));
    List<String> ordered = topological(whole, nodes);
    String location = locationOf(ordered, nodes);
    Map<String, List<String>> stepKeys = new LinkedHashMap<>();
    for (String key : ordered) {
      stepKeys.computeIfAbsent(nodes.get(key).definition(), d -> new ArrayList<>()).add(key);
    }
    List<PlanStep> steps = new ArrayList<>();
    for (Map.Entry<String, List<String>> step : stepKeys.entrySet()) {
      Set<String> after = new LinkedHashSet<>();
      for (String key : step.getValue()) {
        for (String up : nodes.get(key).record.upstream()) {
          Node upNode = nodes.get(up);
          if (upNode != null
              && stepKeys.containsKey(upNode.definition())
              && !upNode.definition().equals(step.getKey())) {
            after.add(upNode.definition());
          }
        }
      }
      Node first = nodes.get(step.getValue().get(0));
      ComputeOptions o =
          CatalogComputeOptions.fromJson(first.key(), first.json.path("computeOptions"));
      steps.add(
          new PlanStep(
              step.getKey(),
              List.copyOf(step.getValue()),
              List.copyOf(after),
              o.retryPolicy(),
              o.startToCloseTimeout(),
              o.scheduleToCloseTimeout()));
    }
    steps = stepsInOrder(steps);
    String canonical = String.join(", ", terms.stream().map(SelectionTerm::text).toList());
    return new Plan(
        ordered.stream().map(AssetKey::of).toList(),
        new MaterializeRequest(canonical, steps),
        location,
        ordered.stream().filter(k -> nodes.get(k).partitioned()).collect(Collectors.toSet()));
  }

  /** Starts the planned materialization (a {@code __weft_materialize} workflow). */
  public MaterializationHandle start(Plan plan) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .workflowId(MaterializeWorkflow.WORKFLOW_ID_PREFIX + UUID.randomUUID())
            .taskQueue(MaterializeWorkflow.taskQueue(plan.location))
            .build();
    return new MaterializationHandle(client.start(MaterializeWorkflow.TYPE, options, plan.request));
  }

  /**
   * Plans and starts the selection.
   *
   * @throws AssetSelectionSyntaxException naming the token and position of a syntax error
   * @throws UnknownAssetException naming the keys the graph lacks
   * @throws SelectionHasPartitionedAssetsException naming the partitioned assets the selection
   *     holds
   */
  public MaterializationHandle materialize(String selection) {
    return start(plan(selection));
  }

  /** Returns the handle of a materialization started earlier (its workflow ID). */
  public MaterializationHandle handle(String workflowId) {
    return new MaterializationHandle(client.getHandle(workflowId));
  }

  /**
   * The one location of the planned keys: a run is executed by the app of one location.
   *
   * @throws IllegalArgumentException naming each location's keys if the plan spans several
   */
  private static String locationOf(List<String> keys, Map<String, Node> nodes) {
    Map<String, List<String>> byLocation = new TreeMap<>();
    for (String key : keys) {
      byLocation.computeIfAbsent(nodes.get(key).record.location(), l -> new ArrayList<>()).add(key);
    }
    if (byLocation.size() > 1) {
      throw new IllegalArgumentException(
          "the selection spans code locations "
              + byLocation
              + ": a materialization runs the assets of one location; select each location's"
              + " assets separately");
    }
    return byLocation.isEmpty()
        ? AssetNodeRecord.DEFAULT_LOCATION
        : byLocation.keySet().iterator().next();
  }

  private record Node(AssetNodeRecord record, JsonNode json) {
    String key() {
      return record.assetKey();
    }

    String definition() {
      String name = json.path("definition").asText("");
      return name.isEmpty() ? record.assetKey() : name;
    }

    /** Whether the catalog describes partitions for it ({@code null} when unpartitioned). */
    boolean partitioned() {
      return json.path("partitions").isObject();
    }
  }

  private static JsonNode parse(AssetNodeRecord r) {
    if (r.definitionJson() == null) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(r.definitionJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "asset " + r.assetKey() + ": the catalog's definitionJson is not JSON", e);
    }
  }

  private static Set<String> select(
      SelectionTerm term, Map<String, Node> nodes, Map<String, List<String>> downstream) {
    return switch (term) {
      case SelectionTerm.All a -> nodes.keySet();
      case SelectionTerm.Key k -> {
        Set<String> out = new LinkedHashSet<>(List.of(k.key().path()));
        if (k.upstream()) {
          out.addAll(closure(k.key().path(), key -> nodes.get(key).record.upstream()));
        }
        if (k.downstream()) {
          out.addAll(closure(k.key().path(), key -> downstream.getOrDefault(key, List.of())));
        }
        yield out;
      }
      case SelectionTerm.Group g -> {
        Set<String> out = new LinkedHashSet<>();
        nodes.values().stream()
            .filter(n -> n.record.group().equals(g.name()))
            .forEach(n -> out.add(n.key()));
        if (out.isEmpty()) {
          Set<String> groups = new TreeSet<>();
          nodes.values().forEach(n -> groups.add(n.record.group()));
          throw new IllegalArgumentException(
              "group:" + g.name() + " selects no asset; the groups are " + groups);
        }
        yield out;
      }
      case SelectionTerm.Tag t -> {
        Set<String> out = new LinkedHashSet<>();
        for (Node n : nodes.values()) {
          JsonNode tag = n.json.path("tags").path(t.name());
          if (!tag.isMissingNode() && (t.value() == null || t.value().equals(tag.asText()))) {
            out.add(n.key());
          }
        }
        yield out;
      }
    };
  }

  /** The steps, each after the steps it waits for (a multi-asset may wait for a later key). */
  private static List<PlanStep> stepsInOrder(List<PlanStep> steps) {
    List<PlanStep> out = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    List<PlanStep> left = new ArrayList<>(steps);
    while (!left.isEmpty()) {
      PlanStep next =
          left.stream().filter(s -> placed.containsAll(s.after())).findFirst().orElseThrow();
      left.remove(next);
      placed.add(next.name());
      out.add(next);
    }
    return out;
  }

  private static Set<String> closure(
      String start, java.util.function.Function<String, List<String>> next) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(next.apply(start));
    while (!todo.isEmpty()) {
      String k = todo.pop();
      if (seen.add(k)) {
        todo.addAll(next.apply(k));
      }
    }
    return seen;
  }

  /** The keys in dependency order (Kahn's algorithm; ties by the catalog's key order). */
  private static List<String> topological(Set<String> keys, Map<String, Node> nodes) {
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> next = new HashMap<>();
    for (String k : keys) {
      int n = 0;
      for (String up : nodes.get(k).record.upstream()) {
        if (keys.contains(up)) {
          n++;
          next.computeIfAbsent(up, x -> new ArrayList<>()).add(k);
        }
      }
      waiting.put(k, n);
    }
    TreeSet<String> ready = new TreeSet<>();
    waiting.forEach(
        (k, n) -> {
          if (n == 0) {
            ready.add(k);
          }
        });
    List<String> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String k = ready.pollFirst();
      out.add(k);
      for (String d : next.getOrDefault(k, List.of())) {
        if (waiting.merge(d, -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }
    return out;
  }
}
