package dev.weft.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.WorkerOptions;
import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.internal.runtime.WorkflowRunners;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerFactoryTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final PayloadConverter PAYLOADS =
      new PayloadConverter(new JacksonDataConverter(), null, Long.MAX_VALUE);

  @WorkflowInterface
  public interface Sleeper {
    @WorkflowMethod
    void sleep();
  }

  public static class SleeperImpl implements Sleeper {
    @Override
    public void sleep() {
      Workflow.sleep(Duration.ofMinutes(1));
    }
  }

  private final Registry registry = new Registry();
  private final EventRecords records = new EventRecords(EventCodec.shared());
  private final RunnerFactory factory =
      new RunnerFactory(registry, WorkflowRunners.replayOnly(PAYLOADS), records);

  RunnerFactoryTest() {
    registry.queue("q", WorkerOptions.DEFAULTS).registerWorkflow(Sleeper.class, SleeperImpl::new);
  }

  @Test
  void findsTheTypesThisNodeServesOnAQueue() {
    assertThat(factory.find("q", "Sleeper")).isPresent();
    assertThat(factory.find("q", "Other")).isEmpty();
    assertThat(factory.find("elsewhere", "Sleeper")).isEmpty();
    assertThat(factory.workflowTypes("q")).containsExactly("Sleeper");
    assertThat(factory.workflowTypes("elsewhere")).isEmpty();
  }

  @Test
  void aNewRunnerHasTheRunsIdentityAndHistorySize() {
    RunRecord run = RunRecord.started("default", "nap-1", "run-1", "Sleeper", "q", NOW);

    WorkflowRunner runner = factory.create(run, factory.find("q", "Sleeper").orElseThrow());

    assertThat(runner.info().workflowId()).isEqualTo("nap-1");
    assertThat(runner.info().runId()).isEqualTo("run-1");
    assertThat(runner.historyBytes()).isEqualTo(run.historyBytes());
    assertThat(runner.nextEventId()).isEqualTo(1);
    runner.destroy();
  }

  @Test
  void replayingStoredHistoryBringsTheRunnerToItsEnd() {
    RunRecord run = RunRecord.started("default", "nap-1", "run-1", "Sleeper", "q", NOW);
    WorkflowRunner runner = factory.create(run, factory.find("q", "Sleeper").orElseThrow());
    List<EventRecord> history =
        List.of(
            records.record(
                1,
                NOW,
                new EventAttributes.WorkflowStarted(
                    "Sleeper", "nap-1", "q", PAYLOADS.encodeArguments(new Object[0], "in"))),
            records.record(2, NOW, new EventAttributes.WorkflowTaskCompleted("node-1")),
            records.record(
                3,
                NOW,
                new EventAttributes.TimerStarted(1, Duration.ofMinutes(1), NOW.plusSeconds(60))));

    List<EventAttributes> pending = factory.replay(runner, history);

    assertThat(pending).isEmpty();
    assertThat(runner.nextEventId()).isEqualTo(4);
    assertThat(runner.awaits(new EventAttributes.TimerFired(1))).isTrue();
    runner.destroy();
  }
}
