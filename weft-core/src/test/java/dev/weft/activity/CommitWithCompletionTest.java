package dev.weft.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.store.Batch;
import dev.weft.store.Write;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Ledger;
import dev.weft.testsupport.LedgerEntry;
import dev.weft.testsupport.LedgerExtension;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Activity#commitWithCompletion}: a store extension's write (the probe {@link LedgerEntry})
 * commits in the transaction that records the attempt's completion, on the eager path and through
 * the inbox, and not at all when the completion is not recorded (failed, retried, lease lost, run
 * closed); a write that fails its batch fails the attempt, whose retry policy decides; local
 * activities and completion by task token refuse it. On both stores.
 */
@Tag("engine")
class CommitWithCompletionTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String WORKFLOWS = "ledger-workflows";
  static final String ACTIVITIES = "ledger-activities";

  /** Attempts that announced themselves ("mode/attempt"), for tests that act while they wait. */
  static final BlockingQueue<String> STARTED = new LinkedBlockingQueue<>();

  /** The gates attempts in modes "inbox", "blocked" and "lease" wait on, by "mode/attempt". */
  static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

  /** A write no installed extension applies. */
  record Unapplied(String runId) implements Write {}

  @ActivityInterface
  public interface Recorder {
    String record(String mode);
  }

  public static class RecorderImpl implements Recorder {
    @Override
    public String record(String mode) {
      ActivityInfo info = Activity.getInfo();
      String id = info.workflowId();
      int attempt = info.attempt();
      String value = mode + "/" + attempt;
      switch (mode) {
        case "fail-first" -> {
          Activity.commitWithCompletion(entry(id, value));
          if (attempt == 1) {
            throw ApplicationFailure.newFailure("first attempt fails", "Flaky");
          }
        }
        case "unapplied" -> {
          Activity.commitWithCompletion(entry(id + "/before", value));
          Activity.commitWithCompletion(new Unapplied(info.runId()));
        }
        case "constraint" -> {
          if (attempt == 1) {
            Activity.commitWithCompletion(entry(id + "/extra", value));
            Activity.commitWithCompletion(entry("taken", value));
          } else {
            Activity.commitWithCompletion(entry(id, value));
          }
        }
        case "conflict" ->
            Activity.commitWithCompletion(
                new LedgerEntry(info.runId(), info.seq(), "taken", value, true));
        case "async-after" -> {
          Activity.commitWithCompletion(entry(id, value));
          Activity.doNotCompleteOnReturn();
        }
        case "async-before" -> {
          Activity.doNotCompleteOnReturn();
          Activity.commitWithCompletion(entry(id, value));
        }
        case "bad-input" -> {
          return badInput(info);
        }
        case "inbox", "blocked", "lease" -> {
          Activity.commitWithCompletion(entry(id + "/" + attempt, value));
          if (mode.equals("inbox") || attempt == 1) {
            STARTED.add(value);
            await(GATES.get(value));
          }
        }
        default -> Activity.commitWithCompletion(entry(id, value));
      }
      return value;
    }

    private static LedgerEntry entry(String entry, String value) {
      ActivityInfo info = Activity.getInfo();
      return new LedgerEntry(info.runId(), info.seq(), entry, value);
    }

    private static String badInput(ActivityInfo info) {
      List<String> refusals = new ArrayList<>();
      for (Write write : new Write[] {null, new Write.IfNotPaused(info.runId())}) {
        try {
          Activity.commitWithCompletion(write);
        } catch (IllegalArgumentException e) {
          refusals.add(e.getMessage());
        }
      }
      return String.join("\n", refusals);
    }

    private static void await(CountDownLatch gate) {
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @WorkflowInterface
  public interface Recording {
    @WorkflowMethod
    String run(String mode);
  }

  public static class RecordingImpl implements Recording {
    @Override
    public String run(String mode) {
      RetryPolicy retry =
          RetryPolicy.newBuilder()
              .initialInterval(Duration.ofMillis(10))
              .maximumAttempts(2)
              .build();
      if (mode.equals("local")) {
        return Workflow.newLocalActivityStub(
                Recorder.class,
                LocalActivityOptions.newBuilder()
                    .startToCloseTimeout(Duration.ofSeconds(10))
                    .retryPolicy(retry)
                    .build())
            .record(mode);
      }
      return Workflow.newActivityStub(
              Recorder.class,
              ActivityOptions.newBuilder()
                  .taskQueue(ACTIVITIES)
                  .startToCloseTimeout(
                      mode.equals("lease") ? Duration.ofSeconds(1) : Duration.ofSeconds(30))
                  .retryPolicy(retry)
                  .build())
          .record(mode);
    }
  }

  private static EngineFixture engine(TestStore kind, Path dir) {
    STARTED.clear();
    GATES.clear();
    return EngineFixture.start(
        kind,
        dir,
        List.of(new LedgerExtension()),
        UnaryOperator.identity(),
        e -> {
          // local activities run on the workflow's queue
          e.newWorker(WORKFLOWS)
              .registerWorkflow(Recording.class, RecordingImpl::new)
              .registerActivities(new RecorderImpl());
          e.newWorker(ACTIVITIES).registerActivities(new RecorderImpl());
        });
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String mode) {
    return f.client()
        .start(
            "Recording",
            WorkflowOptions.newBuilder()
                .taskQueue(WORKFLOWS)
                .workflowId(mode + "-" + UUID.randomUUID())
                .build(),
            mode);
  }

  private static Ledger ledger(EngineFixture f) {
    return f.store().extension(Ledger.class);
  }

  private static CountDownLatch gate(String name) {
    return GATES.computeIfAbsent(name, k -> new CountDownLatch(1));
  }

  private static void awaitIdle(EngineFixture f) throws InterruptedException {
    assertThat(f.engine().workInProgress().awaitIdle(WAIT)).as("engine idle").isTrue();
  }

  /** The activity failure the workflow failed with. */
  private static ActivityFailure activityFailure(WorkflowHandle<Object> run) {
    try {
      run.getResult(String.class);
    } catch (WorkflowFailedException e) {
      assertThat(e.getCause()).isInstanceOf(ActivityFailure.class);
      assertThat(e.getCause().getCause()).isInstanceOf(ApplicationFailure.class);
      return (ActivityFailure) e.getCause();
    }
    throw new AssertionError("workflow " + run.workflowId() + " did not fail");
  }

  /** The application failure of the attempt that failed the workflow. */
  private static ApplicationFailure cause(ActivityFailure failure) {
    return (ApplicationFailure) failure.getCause();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theWriteCommitsInTheTransactionOfAnEagerCompletion(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir)) {
      WorkflowHandle<Object> run = start(f, "plain");

      assertThat(run.getResult(String.class)).isEqualTo("plain/1");
      Ledger.Row row = ledger(f).find(run.workflowId()).orElseThrow();
      assertThat(row.value()).isEqualTo("plain/1");
      assertThat(row.runId()).isEqualTo(run.describe().runId());
      // inside its transaction the write saw its task released and no inbox event: the completion
      // was recorded with the workflow task it triggered, in the same commit
      assertThat(row.taskRows()).isZero();
      assertThat(row.inboxRows()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theWriteCommitsInTheTransactionOfACompletionThroughTheInbox(
      TestStore kind, @TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(kind, dir)) {
      CountDownLatch gate = gate("inbox/1");
      WorkflowHandle<Object> run = start(f, "inbox");
      assertThat(STARTED.poll(30, TimeUnit.SECONDS)).isEqualTo("inbox/1");
      // a paused workflow queue keeps the run from being advanced eagerly: the inbox path records
      f.client().pauseTaskQueue(WORKFLOWS, "hold the workflow task");
      gate.countDown();

      Awaitility.await()
          .atMost(WAIT)
          .until(() -> ledger(f).find(run.workflowId() + "/1").isPresent());
      Ledger.Row row = ledger(f).find(run.workflowId() + "/1").orElseThrow();
      assertThat(row.taskRows()).isZero();
      assertThat(row.inboxRows()).isEqualTo(1);
      assertThat(f.stats().inboxEvents()).isEqualTo(1);

      f.client().resumeTaskQueue(WORKFLOWS);
      assertThat(run.getResult(String.class)).isEqualTo("inbox/1");
      assertThat(f.stats().inboxEvents()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aFailedAttemptDropsTheWritesItAdded(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir)) {
      WorkflowHandle<Object> run = start(f, "fail-first");

      // the first attempt's entry of the same name would have broken the second's primary key
      assertThat(run.getResult(String.class)).isEqualTo("fail-first/2");
      assertThat(ledger(f).all())
          .extracting(Ledger.Row::entry, Ledger.Row::value)
          .containsExactly(tuple(run.workflowId(), "fail-first/2"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWriteNoExtensionAppliesFailsTheAttemptNamingItsClassAndWritesNothing(
      TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir)) {
      WorkflowHandle<Object> run = start(f, "unapplied");

      ActivityFailure activity = activityFailure(run);
      ApplicationFailure failure = cause(activity);
      assertThat(failure.getType()).isEqualTo(Activity.COMPLETION_WRITE_FAILED);
      assertThat(failure.getOriginalMessage())
          .contains(Unapplied.class.getName())
          .contains(LedgerEntry.class.getName())
          .contains("of run " + run.describe().runId())
          .contains("install the store extension");
      // retried by its policy (2 attempts), and the batch was never half-written
      assertThat(activity.getAttempt()).isEqualTo(2);
      assertThat(ledger(f).all()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWriteThatBreaksAConstraintFailsTheAttemptWhichIsRetried(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir)) {
      f.store().commit(Batch.of(new LedgerEntry("other-run", 1, "taken", "before"))).join();
      WorkflowHandle<Object> run = start(f, "constraint");

      assertThat(run.getResult(String.class)).isEqualTo("constraint/2");
      // the first attempt's entries rolled back with its completion, the one it collided with
      // stayed as it was
      assertThat(ledger(f).all())
          .extracting(Ledger.Row::entry, Ledger.Row::value)
          .containsExactly(tuple(run.workflowId(), "constraint/2"), tuple("taken", "before"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWriteWhoseConditionConflictsFailsTheAttempt(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir)) {
      f.store().commit(Batch.of(new LedgerEntry("other-run", 1, "taken", "before"))).join();
      WorkflowHandle<Object> run = start(f, "conflict");

      ApplicationFailure failure = cause(activityFailure(run));
      assertThat(failure.getType()).isEqualTo(Activity.COMPLETION_WRITE_FAILED);
      assertThat(failure.getOriginalMessage())
          .contains("the store refused its " + LedgerEntry.class.getName())
          .contains("ledger entry taken exists");
      assertThat(ledger(f).all()).extracting(Ledger.Row::value).containsExactly("before");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAttemptWhoseLeaseWasLostWritesNothing(TestStore kind, @TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(kind, dir)) {
      CountDownLatch first = gate("lease/1");
      WorkflowHandle<Object> run = start(f, "lease");
      assertThat(STARTED.poll(30, TimeUnit.SECONDS)).isEqualTo("lease/1");

      // attempt 1 outlives its start-to-close timeout: attempt 2 runs and completes the activity
      assertThat(run.getResult(String.class)).isEqualTo("lease/2");
      first.countDown();
      awaitIdle(f);

      assertThat(ledger(f).all())
          .extracting(Ledger.Row::entry)
          .containsExactly(run.workflowId() + "/2");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAttemptWhoseRunClosedWritesNothing(TestStore kind, @TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(kind, dir)) {
      CountDownLatch gate = gate("blocked/1");
      WorkflowHandle<Object> run = start(f, "blocked");
      assertThat(STARTED.poll(30, TimeUnit.SECONDS)).isEqualTo("blocked/1");

      run.terminate("closed under the attempt");
      gate.countDown();
      awaitIdle(f);

      assertThat(ledger(f).all()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void completionByTaskTokenRefusesWritesInEitherOrder(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir)) {
      for (String mode : List.of("async-after", "async-before")) {
        ApplicationFailure failure = cause(activityFailure(start(f, mode)));
        assertThat(failure.getType()).as(mode).isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.getOriginalMessage())
            .as(mode)
            .contains("cannot both commit writes with its completion and be completed later");
      }
      assertThat(ledger(f).all()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aLocalActivityRefusesWrites(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir)) {
      ApplicationFailure failure = cause(activityFailure(start(f, "local")));

      assertThat(failure.getType()).isEqualTo(IllegalStateException.class.getName());
      assertThat(failure.getOriginalMessage())
          .contains("local activity 'Record' cannot commit a write with its completion");
      assertThat(ledger(f).all()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aNullOrCoreWriteIsRefused(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir)) {
      String refusals = (String) start(f, "bad-input").getResult(String.class);

      assertThat(refusals.split("\n"))
          .containsExactly(
              "activity 'Record' passed a null write to commitWithCompletion",
              "activity 'Record' passed the core write IfNotPaused to commitWithCompletion: the"
                  + " engine's own writes are not offered; pass a write of a store extension (e.g."
                  + " the asset catalog's RecordMaterialization)");
      assertThat(ledger(f).all()).isEmpty();
    }
  }
}
