package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityOptions;
import dev.weft.activity.DynamicActivity;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.EncodedValues;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.InvalidDefinitionException;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.history.HistoryReplay;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic workflows, activities and signal, query and update handlers. */
@Tag("engine")
public class DynamicTest {

  /** Runs any workflow type: calls the activity "{type}Step", collects messages until "done". */
  public static class Scripted implements DynamicWorkflow {
    private final List<String> events = new ArrayList<>();

    @Override
    public Object execute(EncodedValues args) {
      String type = Workflow.getInfo().workflowType();
      Workflow.registerListener(
          (DynamicSignalHandler) (name, in) -> events.add(name + ":" + in.get(0, String.class)));
      Workflow.registerListener(
          (DynamicQueryHandler) (name, in) -> name + "=" + String.join(",", events));
      Workflow.registerListener(
          new DynamicUpdateHandler() {
            @Override
            public void handleValidate(String name, EncodedValues in) {
              if (name.equals("forbidden")) {
                throw new IllegalArgumentException("update '" + name + "' is not allowed");
              }
            }

            @Override
            public Object handleExecute(String name, EncodedValues in) {
              events.add(name + ":" + in.get(0, String.class));
              return events.size();
            }
          });
      String step =
          Workflow.newUntypedActivityStub(
                  ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build())
              .execute(type + "Step", String.class, args.get(0, String.class), args.getSize());
      Workflow.await(() -> events.contains("done:now"));
      return type + " " + step + " " + events;
    }
  }

  /** Runs any activity type: returns the type and its arguments. */
  public static class AnyStep implements DynamicActivity {
    @Override
    public Object execute(EncodedValues args) {
      String type = Activity.getInfo().activityType();
      if (type.startsWith("Broken")) {
        throw ApplicationFailure.newNonRetryableFailure("no such step " + type, "NoStep");
      }
      return type + "(" + args.get(0, String.class) + ", " + args.get(1, int.class) + ")";
    }
  }

  @WorkflowInterface
  public interface Typed {
    @WorkflowMethod
    String run(String input);
  }

  public static class TypedImpl implements Typed {
    @Override
    public String run(String input) {
      return "typed " + input;
    }
  }

  private static void register(WeftEngine e) {
    e.newWorker("dyn")
        .registerWorkflowImplementationTypes(Scripted.class)
        .registerWorkflow(Typed.class, TypedImpl::new)
        .registerActivities(new AnyStep());
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().workflowId(id).taskQueue("dyn").build();
  }

  @Test
  void aDynamicWorkflowRunsAnUnregisteredTypeWithDynamicHandlersAndActivity(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, DynamicTest::register)) {
      // the signal arrives with the start, before the code registers its signal handler
      WorkflowHandle<Object> handle =
          f.client()
              .signalWithStart(
                  "Onboarding", options("onboard-1"), new Object[] {"ada"}, "hello", "early");

      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> handle.query("events", String.class).equals("events=hello:early"));
      assertThat(handle.update("add", Integer.class, "mug")).isEqualTo(2);
      assertThatThrownBy(() -> handle.update("forbidden", Integer.class, "x"))
          .isInstanceOf(UpdateRejectedException.class)
          .hasMessageContaining("update 'forbidden' is not allowed");
      handle.signal("done", "now");

      assertThat(handle.getResult(String.class))
          .isEqualTo("Onboarding OnboardingStep(ada, 1) [hello:early, add:mug, done:now]");
      Histories.record("dynamic-workflow-handlers", handle);
      HistoryReplay.replay(
          handle.fetchHistory(), DynamicWorkflow.class, Scripted.class, new JacksonDataConverter());
    }
  }

  @Test
  void registeredTypesKeepTheirImplementationAndADynamicActivityFailsLikeAnyOther(
      @TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, DynamicTest::register)) {
      assertThat(f.client().start("Typed", options("typed-1"), "x").getResult(String.class))
          .isEqualTo("typed x");

      WorkflowHandle<Object> broken = f.client().start("Broken", options("broken-1"), "b");
      assertThatThrownBy(() -> broken.getResult(String.class))
          .isInstanceOf(dev.weft.failure.WorkflowFailedException.class)
          .hasCauseInstanceOf(ActivityFailure.class)
          .hasRootCauseInstanceOf(ApplicationFailure.class)
          .hasRootCauseMessage("no such step BrokenStep");
    }
  }

  @Test
  void aQueueTakesOneDynamicWorkflowAndOneDynamicActivity(@TempDir Path dir) {
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e -> {
              Worker worker = e.newWorker("dyn");
              worker.registerWorkflowImplementationTypes(Scripted.class);
              assertThatThrownBy(
                      () -> worker.registerWorkflow(DynamicWorkflow.class, Scripted::new))
                  .isInstanceOf(InvalidDefinitionException.class)
                  .hasMessageContaining(
                      "a DynamicWorkflow is registered already on task queue 'dyn'");
              worker.registerActivities(new AnyStep());
              assertThatThrownBy(() -> worker.registerActivities(new AnyStep()))
                  .isInstanceOf(InvalidDefinitionException.class)
                  .hasMessageContaining(
                      "a DynamicActivity is registered already on task queue 'dyn'");
            })) {
      assertThat(f.engine()).isNotNull();
    }
  }

  @Test
  void registerListenerWorksOnlyInWorkflowCode() {
    assertThatThrownBy(() -> Workflow.registerListener("not a handler"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can only be called from workflow code");
  }
}
