package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.runtime.HistoryCheck;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code Workflow.getLogger}: no line twice when a run is replayed, the run in the MDC. */
@Tag("engine")
public class WorkflowLoggerTest {
  static final String LOGGER = "weft.test.workflow-logger";
  private static final Logger log = Workflow.getLogger(LOGGER);

  @ActivityInterface
  public interface Ticks {
    void tick();
  }

  @WorkflowInterface
  public interface Chatty {
    /** Logs a line per step; waits for {@code go} after step {@code pauseAfter}. */
    @WorkflowMethod
    int talk(int steps, int pauseAfter);

    @SignalMethod
    void go();

    @QueryMethod
    int step();
  }

  public static class ChattyImpl implements Chatty {
    private boolean go;
    private int step;

    @Override
    public int talk(int steps, int pauseAfter) {
      Ticks ticks =
          Workflow.newActivityStub(
              Ticks.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      for (step = 0; step < steps; step++) {
        log.info("step {} of {}", step, steps);
        if (step == pauseAfter) {
          Workflow.await(() -> go);
        }
        ticks.tick();
      }
      if (log.isDebugEnabled()) {
        log.debug("done after {} steps", steps);
      }
      return steps;
    }

    @Override
    public void go() {
      go = true;
    }

    @Override
    public int step() {
      return step;
    }
  }

  /** Keeps each line with the MDC and caller as they were when it was logged. */
  private final ListAppender<ILoggingEvent> lines =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent line) {
          line.prepareForDeferredProcessing();
          line.getCallerData();
          super.append(line);
        }
      };

  private ch.qos.logback.classic.Logger target;

  @BeforeEach
  void capture() {
    target = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(LOGGER);
    target.setLevel(Level.DEBUG);
    target.setAdditive(false);
    lines.start();
    target.addAppender(lines);
  }

  @AfterEach
  void release() {
    target.detachAppender(lines);
  }

  private static void register(dev.weft.engine.WeftEngine e) {
    e.newWorker("chatty")
        .registerWorkflow(Chatty.class, ChattyImpl::new)
        .registerActivities((Ticks) () -> {});
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aRunReplayedByANewEngineLogsEachLineOnceWithTheRunInTheMdc(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, WorkflowLoggerTest::register)) {
      WorkflowHandle<Object> handle =
          f.client()
              .start(
                  "Chatty",
                  WorkflowOptions.newBuilder().workflowId("chatty-1").taskQueue("chatty").build(),
                  4,
                  1);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> handle.query("step", Integer.class) == 1);

      // the new engine rebuilds the run from its history (steps 0 and 1) before it goes on
      f.restart(WorkflowLoggerTest::register);
      WorkflowHandle<Object> resumed = f.client().getHandle("chatty-1");
      resumed.signal("go");
      assertThat(resumed.getResult(Integer.class)).isEqualTo(4);
      Histories.record("workflow-logger-lines", resumed);

      assertThat(messages())
          .containsExactly(
              "step 0 of 4", "step 1 of 4", "step 2 of 4", "step 3 of 4", "done after 4 steps");
      assertThat(lines.list)
          .allSatisfy(
              line ->
                  assertThat(line.getMDCPropertyMap())
                      .containsAllEntriesOf(
                          Map.of(
                              "WorkflowId", "chatty-1",
                              "RunId", handle.runId(),
                              "WorkflowType", "Chatty",
                              "TaskQueue", "chatty")));
      assertThat(lines.list)
          .allSatisfy(
              line -> assertThat(line.getCallerData()[0].getClassName()).endsWith("ChattyImpl"));
    }
  }

  @Test
  void replayingAHistoryLogsNothing() {
    HistoryCheck.replay(
        Histories.load("workflow-logger-lines"),
        Chatty.class,
        ChattyImpl::new,
        new PayloadConverter(new JacksonDataConverter(), null, Long.MAX_VALUE));

    assertThat(lines.list).isEmpty();
  }

  @Test
  void outsideWorkflowCodeItLogsWithoutRunKeys() {
    org.slf4j.MDC.put("WorkflowId", "caller's own");
    try {
      log.warn("plain {}", "line");
    } finally {
      org.slf4j.MDC.remove("WorkflowId");
    }

    assertThat(messages()).containsExactly("plain line");
    assertThat(lines.list.get(0).getMDCPropertyMap())
        .containsExactly(Map.entry("WorkflowId", "caller's own"));
    assertThat(log.getName()).isEqualTo(LOGGER);
    assertThat(log.isTraceEnabled()).isFalse();
    assertThat(log.isDebugEnabled()).isTrue();
  }
}
