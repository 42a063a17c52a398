package dev.weft.bench;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.cli.StoreLocation;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine process of the recovery workload: (re)starts N workflows of K journaled activities on
 * the store and runs until all completed, journaling every activity execution in {@code
 * dir/journal.txt}. Arguments: {@code <dir> <store> <N> <K> <node-id>}, the store a SQLite path or
 * a PostgreSQL JDBC URL.
 */
public final class RecoveryChild {
  static final String QUEUE = "recovery";

  @ActivityInterface
  public interface JournaledSteps {
    String step(String workflowId, int index);
  }

  @WorkflowInterface
  public interface Journaled {
    @WorkflowMethod
    List<String> run(int steps);
  }

  /** K journaled steps; returns the nonce of each step's recorded execution. */
  public static final class JournaledWorkflow implements Journaled {
    @Override
    public List<String> run(int steps) {
      JournaledSteps journal =
          Workflow.newActivityStub(
              JournaledSteps.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofMinutes(1))
                  .retryPolicy(
                      RetryPolicy.newBuilder().initialInterval(Duration.ofMillis(100)).build())
                  .build());
      String id = Workflow.getInfo().workflowId();
      List<String> nonces = new ArrayList<>(steps);
      for (int i = 1; i <= steps; i++) {
        nonces.add(journal.step(id, i));
      }
      return nonces;
    }
  }

  /** Appends {@code START workflowId index nonce} for every execution. */
  static final class Journal implements JournaledSteps, AutoCloseable {
    private final FileChannel channel;
    private final ReentrantLock lock = new ReentrantLock();

    Journal(Path file) throws IOException {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public String step(String workflowId, int index) {
      String nonce = UUID.randomUUID().toString();
      byte[] line =
          ("START " + workflowId + " " + index + " " + nonce + "\n")
              .getBytes(StandardCharsets.UTF_8);
      lock.lock();
      try {
        channel.write(ByteBuffer.wrap(line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        lock.unlock();
      }
      return nonce;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Runs the engine process; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    StoreLocation store = StoreLocation.parse(args[1]);
    int workflows = Integer.parseInt(args[2]);
    int steps = Integer.parseInt(args[3]);
    String nodeId = args[4];
    try (Journal journal = new Journal(dir.resolve("journal.txt"));
        WeftEngine engine =
            WeftEngine.builder()
                .store(BenchEnvironment.open(store, nodeId))
                .nodeId(nodeId)
                .build()) {
      engine
          .newWorker(QUEUE)
          .registerWorkflow(Journaled.class, JournaledWorkflow::new)
          .registerActivities(journal);
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
          client.start(client.newWorkflowStub(Journaled.class, options)::run, steps);
        } catch (WorkflowAlreadyStartedException e) {
          // completed before the crash
        }
      }
      System.out.println("STARTED");
      for (int i = 0; i < workflows; i++) {
        client.getHandle("wf-" + i).getResult(Duration.ofMinutes(5));
      }
      System.out.println("ALL DONE");
    }
  }
}
