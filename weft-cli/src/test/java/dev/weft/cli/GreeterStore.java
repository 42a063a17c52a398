package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.SearchAttributeType;
import dev.weft.engine.WeftEngine;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.history.WorkflowHistory;
import dev.weft.store.Store;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.awaitility.Awaitility;

/**
 * A store file written by a real engine for the CLI tests, with four runs of one workflow type:
 * {@code greet-ada} (search attribute Customer acme) and {@code greet-bob} (Customer globex)
 * completed; {@code wait-cy} (Customer acme) greeted and waits up to an hour (a timer) for its
 * {@code proceed} signal; {@code greet-boom} (Customer globex) is running with its workflow task
 * failing, and paused (reason "looking into it"). Each has the memo channel=cli.
 */
public final class GreeterStore {
  static final String QUEUE = "greetings";

  private GreeterStore() {}

  /** The activity: one greeting. */
  @ActivityInterface
  public interface Greetings {
    String greet(String name);
  }

  /** Greets by name. */
  public static class GreetingsImpl implements Greetings {
    @Override
    public String greet(String name) {
      return "Hello, " + name;
    }
  }

  /**
   * The workflow: greets, then, if asked to, waits up to an hour for a signal before returning the
   * greeting. Its code throws for Boom, which fails its workflow task (retried, the run stays
   * open).
   */
  @WorkflowInterface
  public interface Greeter {
    @WorkflowMethod
    String greet(String name, boolean waitForSignal);

    @SignalMethod
    void proceed();
  }

  /** Greets through the activity. */
  public static class GreeterImpl implements Greeter {
    private boolean proceed;

    @Override
    public String greet(String name, boolean waitForSignal) {
      if (name.equals("Boom")) {
        throw new IllegalStateException("cannot greet Boom");
      }
      Greetings greetings =
          Workflow.newActivityStub(
              Greetings.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      String greeting = greetings.greet(name);
      if (waitForSignal) {
        Workflow.await(Duration.ofHours(1), () -> proceed);
      }
      return greeting;
    }

    @Override
    public void proceed() {
      proceed = true;
    }
  }

  /**
   * What the store holds.
   *
   * @param file the store file, or null if the store is not a SQLite file
   * @param ada the history of greet-ada's (only) run
   * @param bobRunId greet-bob's run
   * @param cyRunId wait-cy's run
   * @param cyWaitPoint the WorkflowTaskCompleted event after which wait-cy waits (a reset point)
   * @param boomRunId greet-boom's run
   */
  record Written(
      Path file,
      WorkflowHistory ada,
      String bobRunId,
      String cyRunId,
      long cyWaitPoint,
      String boomRunId) {

    /** Returns a copy of the store file in {@code dir}, for a test that writes. */
    Path copyTo(Path dir) throws IOException {
      Path copy = dir.resolve("copy.db");
      Files.copy(file, copy);
      Path wal = Path.of(file + "-wal");
      if (Files.exists(wal)) {
        Files.copy(wal, Path.of(copy + "-wal"));
      }
      return copy;
    }
  }

  /** Runs the four workflows on a new store at {@code file} and closes the engine. */
  static Written write(Path file) {
    return write(engine(file), file);
  }

  /**
   * Runs the four workflows on {@code engine} (not started; its store empty) and closes it.
   *
   * @param file the engine's SQLite file, or null for another store
   */
  static Written write(WeftEngine opened, Path file) {
    try (WeftEngine engine = opened) {
      engine.start();
      WeftClient client = engine.client();
      WorkflowHandle<Object> ada = start(client, "greet-ada", "acme", "Ada", false);
      WorkflowHandle<Object> bob = start(client, "greet-bob", "globex", "Bob", false);
      assertThat(ada.getResult(String.class)).isEqualTo("Hello, Ada");
      assertThat(bob.getResult(String.class)).isEqualTo("Hello, Bob");
      WorkflowHandle<Object> cy = start(client, "wait-cy", "acme", "Cy", true);
      long waitPoint =
          Awaitility.await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> waitPoint(cy.fetchHistory()), Objects::nonNull);
      WorkflowHandle<Object> boom = start(client, "greet-boom", "globex", "Boom", false);
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> boom.describe().workflowTaskFailure() != null);
      boom.pause("looking into it");
      return new Written(
          file, ada.fetchHistory(), bob.runId(), cy.runId(), waitPoint, boom.runId());
    }
  }

  /**
   * Returns an engine on {@code file} that serves the greetings queue and knows the Customer search
   * attribute, not started.
   */
  static WeftEngine engine(Path file) {
    return engine(SqliteStore.open(SqliteStoreOptions.at(file).withDurable(false)));
  }

  /**
   * Returns an engine on {@code store} that serves the greetings queue and knows the Customer
   * search attribute, not started.
   */
  static WeftEngine engine(Store store) {
    WeftEngine engine =
        WeftEngine.builder()
            .store(store)
            .registerSearchAttribute("Customer", SearchAttributeType.KEYWORD)
            .build();
    engine
        .newWorker(QUEUE)
        .registerWorkflow(Greeter.class, GreeterImpl::new)
        .registerActivities(new GreetingsImpl());
    return engine;
  }

  private static WorkflowHandle<Object> start(
      WeftClient client, String workflowId, String customer, String name, boolean wait) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .workflowId(workflowId)
            .taskQueue(QUEUE)
            .searchAttribute("Customer", customer)
            .memo("channel", "cli")
            .memo("tags", List.of("vip", "eu"))
            .build();
    return client.start("Greeter", options, name, wait);
  }

  /**
   * The WorkflowTaskCompleted event of the task that started the timer (the run waits for its
   * signal after it), or null while there is none.
   */
  private static Long waitPoint(WorkflowHistory history) {
    Long taskCompleted = null;
    for (HistoryEvent e : history.events()) {
      if (e.attributes() instanceof EventAttributes.WorkflowTaskCompleted) {
        taskCompleted = e.eventId();
      } else if (e.attributes() instanceof EventAttributes.TimerStarted) {
        return taskCompleted;
      }
    }
    return null;
  }
}
