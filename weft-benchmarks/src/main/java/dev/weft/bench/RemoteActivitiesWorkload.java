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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * K no-op activities per workflow, W workflows at once, run three times in one sitting on one
 * engine and store: first by the engine's own workers, then by {@value #POLLERS} pollers over the
 * HTTP API (long poll, complete), then by as many pollers that each take up to {@value #BATCH}
 * tasks per poll ({@code poll-batch}) and report them with their next poll (the poll's {@code
 * reports}: one round trip per batch), so that the figures give the overhead of remote workers and
 * what batches save. Each poller holds one keep-alive HTTP/1.1 connection with blocking calls
 * ({@link PlainHttpConnection}), as a worker written in Python or Node would.
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
        + " tasks per poll and reporting them with the next poll (--workflows, --activities)";
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
      long cpu0 = ProcessCpu.nanos();
      double local = runBatches(engine, LOCAL_QUEUE, w, k, "local");
      long cpu1 = ProcessCpu.nanos();
      URI uri = server.baseUri();
      String base = "/api/v1/namespaces/" + engine.namespace();
      PollCounts single = new PollCounts();
      PollCounts batched = new PollCounts();
      double remote =
          runRemote(
              engine,
              w,
              k,
              "remote",
              REMOTE_QUEUE,
              identity -> new Poller(uri, base, identity, 1, single));
      long cpu2 = ProcessCpu.nanos();
      double batch =
          runRemote(
              engine,
              w,
              k,
              "remote-batch",
              BATCH_QUEUE,
              identity -> new Poller(uri, base, identity, BATCH, batched));
      long cpu3 = ProcessCpu.nanos();
      long activities = (long) w * k;
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
          .put("in_process_cpu_ms_per_activity", cpuMs(cpu1 - cpu0, activities))
          .put("remote_cpu_ms_per_activity", cpuMs(cpu2 - cpu1, activities))
          .put("remote_batch_cpu_ms_per_activity", cpuMs(cpu3 - cpu2, activities))
          .put("batch_max_tasks", BATCH)
          .put("remote_batch_activities_per_s", Math.round(batchRate))
          .put("remote_batch_over_in_process", ratio(batchRate, localRate))
          .put("batch_polls", batched.polls.sum())
          .put("batch_empty_polls", batched.empty.sum())
          .put("batch_tasks_per_poll", batched.tasksPerPoll());
    }
  }

  /** CPU of the whole process (client, server, engine) per activity of a phase, in ms. */
  private static double cpuMs(long nanos, long activities) {
    return Math.round(ProcessCpu.millisPerStep(nanos, activities) * 1000) / 1000.0;
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

  /** What the pollers of one phase asked and got: polls, polls that came back empty, tasks. */
  private static final class PollCounts {
    final LongAdder polls = new LongAdder();
    final LongAdder empty = new LongAdder();
    final LongAdder tasks = new LongAdder();

    void record(int received) {
      polls.increment();
      tasks.add(received);
      if (received == 0) {
        empty.increment();
      }
    }

    double tasksPerPoll() {
      long p = polls.sum();
      return p == 0 ? 0 : Math.round(tasks.sum() * 100.0 / p) / 100.0;
    }
  }

  /**
   * One remote worker: long-polls a queue, with {@code poll} for one task or {@code poll-batch} for
   * up to {@code maxTasks} (a worker with that many free slots), and completes each task it gets
   * with its input (a batch's tasks in one {@code complete-batch} request), then polls again.
   */
  private record Poller(URI server, String base, String identity, int maxTasks, PollCounts counts) {
    void serve(String queue, AtomicBoolean polling) {
      String route = maxTasks == 1 ? "/activity-tasks/poll" : "/activity-tasks/poll-batch";
      String pollPath = base + "/task-queues/" + queue + route;
      try (PlainHttpConnection http = new PlainHttpConnection(server)) {
        if (maxTasks == 1) {
          serveOneByOne(http, pollPath, polling);
        } else {
          serveBatches(http, pollPath, polling);
        }
      } catch (IOException e) {
        throw new IllegalStateException("a remote poller failed: " + e.getMessage(), e);
      }
    }

    private void serveOneByOne(PlainHttpConnection http, String pollPath, AtomicBoolean polling)
        throws IOException {
      byte[] pollBody =
          ("{\"identity\":\"" + identity + "\",\"wait\":\"PT1S\"}")
              .getBytes(StandardCharsets.UTF_8);
      while (polling.get()) {
        PlainHttpConnection.Response polled = http.postJson(pollPath, pollBody);
        if (polled.status() != 200) {
          counts.record(0);
          continue;
        }
        counts.record(1);
        complete(http, JSON.readTree(polled.body()));
      }
    }

    /**
     * Polls batches, each poll carrying the reports of the batch before (one round trip per batch),
     * and checks that every report was recorded.
     */
    private void serveBatches(PlainHttpConnection http, String pollPath, AtomicBoolean polling)
        throws IOException {
      ArrayNode reports = JSON.createArrayNode();
      while (polling.get() || !reports.isEmpty()) {
        boolean more = polling.get();
        ObjectNode poll =
            JSON.createObjectNode()
                .put("identity", identity)
                .put("wait", more ? "PT1S" : "PT0S")
                .put("maxTasks", maxTasks);
        int reported = reports.size();
        if (reported > 0) {
          poll.set("reports", reports);
        }
        PlainHttpConnection.Response polled = http.postJson(pollPath, JSON.writeValueAsBytes(poll));
        if (polled.status() != 200) {
          throw new IOException("poll-batch answered " + polled.status() + ": " + polled.text());
        }
        JsonNode answer = JSON.readTree(polled.body());
        checkRecorded(answer.path("outcomes"), reported);
        JsonNode tasks = answer.path("tasks");
        counts.record(tasks.size());
        reports = JSON.createArrayNode();
        for (JsonNode task : tasks) {
          reports
              .addObject()
              .put("taskToken", task.path("taskToken").asText())
              .set("result", task.path("input").path(0));
        }
      }
    }

    private static void checkRecorded(JsonNode outcomes, int reported) throws IOException {
      if (outcomes.size() != reported) {
        throw new IOException(reported + " reports got " + outcomes.size() + " outcomes");
      }
      for (JsonNode o : outcomes) {
        if (!"completed".equals(o.path("outcome").asText())) {
          throw new IOException("a report was not recorded: " + o);
        }
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
