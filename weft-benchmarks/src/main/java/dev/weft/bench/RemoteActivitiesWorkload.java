package dev.weft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.workflow.ActivityStub;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * K no-op activities per workflow, W workflows at once, run three times in one sitting on one
 * engine and store: first by the engine's own workers, then by {@value #POLLERS} pollers over the
 * HTTP API (long poll, complete), then by as many pollers that each take up to {@value #BATCH}
 * tasks per poll ({@code poll-batch}) and report them all in one request ({@code complete-batch}),
 * so that the figures give the overhead of remote workers and what batches save. Each poller holds
 * one keep-alive HTTP/1.1 connection with blocking calls ({@link PlainHttpConnection}), as a worker
 * written in Python or Node would.
 */
final class RemoteActivitiesWorkload implements Workload {
  static final String LOCAL_QUEUE = "bench-local-activities";
  static final String REMOTE_QUEUE = "bench-remote-activities";
  static final String BATCH_QUEUE = "bench-remote-batch-activities";
  static final int POLLERS = 32;
  static final int BATCH = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  @WorkflowInterface
  public interface Batch {
    @WorkflowMethod
    long run(String activityQueue, int activities);
  }

  /** Schedules every activity at once on the queue it is given, then awaits them all. */
  public static final class BatchWorkflow implements Batch {
    @Override
    public long run(String activityQueue, int activities) {
      ActivityStub stub =
          Workflow.newUntypedActivityStub(
              ActivityOptions.newBuilder()
                  .taskQueue(activityQueue)
                  .startToCloseTimeout(Duration.ofMinutes(5))
                  .build());
      List<Promise<Integer>> results = new ArrayList<>(activities);
      for (int i = 0; i < activities; i++) {
        results.add(stub.executeAsync("Echo", Integer.class, i));
      }
      Promise.allOf(results).get();
      long sum = 0;
      for (Promise<Integer> p : results) {
        sum += p.get();
      }
      return sum;
    }
  }

  @Override
  public String name() {
    return "remote-activities";
  }

  @Override
  public String description() {
    return "W workflows of K parallel no-op activities, by in-process workers then by "
        + POLLERS
        + " HTTP pollers, then by "
        + POLLERS
        + " HTTP pollers taking up to "
        + BATCH
        + " tasks per poll and completing them in one request (--workflows, --activities)";
  }

  @Override
  public boolean warmsUpUntilSettled() {
    return true;
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(options.scaledDown(1, 300, 10, 1));
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int w = options.workflows(300);
    int k = options.activities(10);
    try (WeftEngine engine =
            env.startEngine(
                e -> {
                  e.newWorker(SequentialWorkload.QUEUE)
                      .registerWorkflow(Batch.class, BatchWorkflow::new);
                  e.newWorker(LOCAL_QUEUE).registerActivities(new SequentialWorkload.Noop());
                });
        WeftServer server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0))) {
      double local = runBatches(engine, LOCAL_QUEUE, w, k, "local");
      URI uri = server.baseUri();
      String base = "/api/v1/namespaces/" + engine.namespace();
      double remote =
          runRemote(
              engine, w, k, "remote", REMOTE_QUEUE, identity -> new Poller(uri, base, identity, 1));
      double batch =
          runRemote(
              engine,
              w,
              k,
              "remote-batch",
              BATCH_QUEUE,
              identity -> new Poller(uri, base, identity, BATCH));
      double localRate = w * (double) k / local;
      double remoteRate = w * (double) k / remote;
      double batchRate = w * (double) k / batch;
      return new Figures()
          .put("workflows", w)
          .put("activities_per_workflow", k)
          .put("pollers", POLLERS)
          .put("in_process_activities_per_s", Math.round(localRate))
          .put("remote_activities_per_s", Math.round(remoteRate))
          .put("remote_over_in_process", ratio(remoteRate, localRate))
          .put("batch_max_tasks", BATCH)
          .put("remote_batch_activities_per_s", Math.round(batchRate))
          .put("remote_batch_over_in_process", ratio(batchRate, localRate));
    }
  }

  private static double ratio(double rate, double base) {
    return Math.round(rate / base * 100) / 100.0;
  }

  /**
   * Runs the batches on {@code queue} served by {@value #POLLERS} pollers made by {@code pollers}
   * (from their identities); returns the seconds the batches took.
   */
  private static double runRemote(
      WeftEngine engine, int w, int k, String tag, String queue, Function<String, Poller> pollers)
      throws InterruptedException {
    AtomicBoolean polling = new AtomicBoolean(true);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < POLLERS; i++) {
      Poller poller = pollers.apply("bench-" + tag + "-poller-" + i);
      threads.add(Thread.ofVirtual().start(() -> poller.serve(queue, polling)));
    }
    try {
      return runBatches(engine, queue, w, k, tag);
    } finally {
      polling.set(false);
      for (Thread t : threads) {
        t.join(5_000);
      }
    }
  }

  /** Starts {@code w} batches on {@code queue}, awaits them all, returns the seconds it took. */
  private static double runBatches(WeftEngine engine, String queue, int w, int k, String tag) {
    long t0 = System.nanoTime();
    List<WorkflowHandle<Long>> handles = new ArrayList<>(w);
    for (int i = 0; i < w; i++) {
      Batch stub =
          engine
              .client()
              .newWorkflowStub(
                  Batch.class,
                  WorkflowOptions.newBuilder()
                      .workflowId(tag + "-" + i)
                      .taskQueue(SequentialWorkload.QUEUE)
                      .build());
      handles.add(engine.client().start(stub::run, queue, k));
    }
    long expected = (long) k * (k - 1) / 2;
    for (WorkflowHandle<Long> h : handles) {
      long sum = h.getResult(Duration.ofMinutes(5));
      if (sum != expected) {
        throw new IllegalStateException(h.workflowId() + " summed " + sum + ", not " + expected);
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * One remote worker: long-polls a queue, with {@code poll} for one task or {@code poll-batch} for
   * up to {@code maxTasks} (a worker with that many free slots), and completes each task it gets
   * with its input (a batch's tasks in one {@code complete-batch} request), then polls again.
   */
  private record Poller(URI server, String base, String identity, int maxTasks) {
    void serve(String queue, AtomicBoolean polling) {
      String route = maxTasks == 1 ? "/activity-tasks/poll" : "/activity-tasks/poll-batch";
      String pollPath = base + "/task-queues/" + queue + route;
      byte[] pollBody =
          ("{\"identity\":\""
                  + identity
                  + "\",\"wait\":\"PT1S\""
                  + (maxTasks == 1 ? "" : ",\"maxTasks\":" + maxTasks)
                  + "}")
              .getBytes(StandardCharsets.UTF_8);
      try (PlainHttpConnection http = new PlainHttpConnection(server)) {
        while (polling.get()) {
          PlainHttpConnection.Response polled = http.postJson(pollPath, pollBody);
          if (polled.status() != 200) {
            continue;
          }
          JsonNode answer = JSON.readTree(polled.body());
          if (maxTasks == 1) {
            complete(http, answer);
          } else {
            completeAll(http, answer.path("tasks"));
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("a remote poller failed: " + e.getMessage(), e);
      }
    }

    /** Completes a batch's tasks in one request, each with its input. */
    private void completeAll(PlainHttpConnection http, JsonNode tasks) throws IOException {
      if (tasks.isEmpty()) {
        return;
      }
      ObjectNode batch = JSON.createObjectNode();
      ArrayNode items = batch.putArray("items");
      for (JsonNode task : tasks) {
        items
            .addObject()
            .put("taskToken", task.path("taskToken").asText())
            .set("result", task.path("input").path(0));
      }
      PlainHttpConnection.Response done =
          http.postJson(base + "/activity-tasks/complete-batch", JSON.writeValueAsBytes(batch));
      if (done.status() != 200 || done.text().contains("\"refused\"")) {
        throw new IOException("complete-batch answered " + done.status() + ": " + done.text());
      }
    }

    private void complete(PlainHttpConnection http, JsonNode task) throws IOException {
      byte[] done =
          ("{\"result\":" + JSON.writeValueAsString(task.path("input").path(0)) + "}")
              .getBytes(StandardCharsets.UTF_8);
      PlainHttpConnection.Response answer =
          http.postJson(
              base + "/activity-tasks/" + task.path("taskToken").asText() + "/complete", done);
      if (answer.status() != 204) {
        throw new IOException("complete answered " + answer.status() + ": " + answer.text());
      }
    }
  }
}
