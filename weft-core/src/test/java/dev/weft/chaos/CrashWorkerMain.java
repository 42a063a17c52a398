package dev.weft.chaos;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInfo;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.TransactionHook;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import dev.weft.testsupport.LedgerEntry;
import dev.weft.testsupport.LedgerExtension;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process the crash test kills. It opens the durable SQLite store, (re)starts N workflows of 10
 * activities each (idempotently, by workflow ID), and runs until all completed. With {@code
 * before-commit:K} or {@code after-commit:K} it SIGKILLs itself inside the K-th group commit: after
 * the statements ran but before COMMIT, or after COMMIT but before anyone learned of it.
 *
 * <p>Arguments: {@code <dir> <workflows> <crash mode> [ledger]}. With {@code ledger}, the store
 * installs the probe extension and each step commits a {@link LedgerEntry} (its run and seq, its
 * nonce) with its completion ({@code Activity.commitWithCompletion}).
 */
public final class CrashWorkerMain {
  static final String QUEUE = "crash";

  @WorkflowInterface
  public interface TenSteps {
    @WorkflowMethod
    List<String> run(int steps);
  }

  @ActivityInterface
  public interface Step {
    String step(String workflowId, int seq);
  }

  public static class TenStepsImpl implements TenSteps {
    @Override
    public List<String> run(int steps) {
      Step step =
          Workflow.newActivityStub(
              Step.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofSeconds(5))
                  .retryPolicy(
                      RetryPolicy.newBuilder()
                          .initialInterval(Duration.ofMillis(50))
                          .maximumInterval(Duration.ofMillis(200))
                          .build())
                  .build());
      List<String> nonces = new ArrayList<>();
      String id = Workflow.getInfo().workflowId();
      for (int i = 1; i <= steps; i++) {
        nonces.add(step.step(id, i));
        if (i == steps / 2) {
          Workflow.sleep(Duration.ofMillis(30));
        }
      }
      return nonces;
    }
  }

  /** Journals each execution, then works a little; returns a nonce naming this execution. */
  static final class StepImpl implements Step {
    private final StepJournal journal;
    private final boolean ledger;

    StepImpl(StepJournal journal, boolean ledger) {
      this.journal = journal;
      this.ledger = ledger;
    }

    @Override
    public String step(String workflowId, int seq) {
      String nonce = UUID.randomUUID().toString();
      journal.started(workflowId, seq, nonce + "/" + Activity.getInfo().attempt());
      try {
        // a few ms of work, so that the SIGKILL lands with activities in flight; no assertion
        // waits on it
        Thread.sleep(2 + (seq * 7L + workflowId.hashCode()) % 9);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (ledger) {
        ActivityInfo info = Activity.getInfo();
        Activity.commitWithCompletion(
            new LedgerEntry(info.runId(), info.seq(), entryOf(info.runId(), info.seq()), nonce));
      }
      return nonce;
    }
  }

  /** Kills this process with SIGKILL inside the K-th group commit. */
  static final class KillInCommit implements TransactionHook {
    private final boolean before;
    private final int target;
    private final AtomicInteger groups = new AtomicInteger();

    KillInCommit(boolean before, int target) {
      this.before = before;
      this.target = target;
    }

    @Override
    public void beforeCommit(int batches) {
      if (before && groups.incrementAndGet() == target) {
        killSelf();
      }
    }

    @Override
    public void afterCommit(int batches) {
      if (!before && groups.incrementAndGet() == target) {
        killSelf();
      }
    }
  }

  /** The ledger entry of a run's activity. */
  static String entryOf(String runId, long seq) {
    return runId + "#" + seq;
  }

  static void killSelf() {
    System.out.println("KILLING MYSELF INSIDE A COMMIT");
    System.out.flush();
    try {
      new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid()))
          .inheritIO()
          .start()
          .waitFor();
      Thread.sleep(60_000); // the SIGKILL ends this process before the sleep does
    } catch (Exception e) {
      Runtime.getRuntime().halt(137);
    }
  }

  static List<JdbcExtension> extensions(boolean ledger) {
    List<JdbcExtension> extensions = new ArrayList<>(JdbcExtension.discovered());
    if (ledger) {
      extensions.add(new LedgerExtension());
    }
    return extensions;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int workflows = Integer.parseInt(args[1]);
    String mode = args[2];
    boolean ledger = args.length > 3 && args[3].equals("ledger");
    TransactionHook hook = TransactionHook.NONE;
    if (mode.startsWith("before-commit:")) {
      hook = new KillInCommit(true, Integer.parseInt(mode.substring(14)));
    } else if (mode.startsWith("after-commit:")) {
      hook = new KillInCommit(false, Integer.parseInt(mode.substring(13)));
    }
    try (StepJournal journal = new StepJournal(dir.resolve("journal.txt"));
        WeftEngine engine =
            WeftEngine.builder()
                .store(
                    SqliteStore.open(
                        SqliteStoreOptions.at(dir.resolve("weft.db"))
                            .withHook(hook)
                            .withExtensions(extensions(ledger))))
                .build()) {
      engine
          .newWorker(QUEUE)
          .registerWorkflow(TenSteps.class, TenStepsImpl::new)
          .registerActivities(new StepImpl(journal, ledger));
      engine.start();
      WeftClient client = engine.client();
      for (int i = 0; i < workflows; i++) {
        WorkflowOptions options =
            WorkflowOptions.newBuilder()
                .taskQueue(QUEUE)
                .workflowId("wf-" + i)
                .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
                .idConflictPolicy(WorkflowIdConflictPolicy.USE_EXISTING)
                .build();
        try {
          client.start(client.newWorkflowStub(TenSteps.class, options)::run, 10);
        } catch (WorkflowAlreadyStartedException e) {
          // completed in an earlier life of this process
        }
      }
      System.out.println("STARTED " + workflows);
      for (int i = 0; i < workflows; i++) {
        client.getHandle("wf-" + i).getResult(Duration.ofMinutes(2));
      }
      long completed =
          client.countWorkflows(WorkflowFilter.all().withStatus(WorkflowStatus.COMPLETED));
      System.out.println("ALL DONE " + completed);
    }
  }
}
