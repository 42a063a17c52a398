package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflow.getVersion: changing code under running workflows. */
@Tag("engine")
public class VersioningTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @ActivityInterface
  public interface Orders {
    String ship(String order);

    String charge(String order);
  }

  public static class OrdersImpl implements Orders {
    @Override
    public String ship(String order) {
      return "shipped " + order;
    }

    @Override
    public String charge(String order) {
      return "charged " + order;
    }
  }

  @WorkflowInterface
  public interface Order {
    @WorkflowMethod
    List<String> process(String order);

    @SignalMethod
    void proceed();
  }

  /** Version 1: ships, waits, charges. */
  public static class OrderV1 implements Order {
    boolean proceed;

    Orders orders() {
      return Workflow.newActivityStub(
          Orders.class,
          ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
    }

    @Override
    public List<String> process(String order) {
      String first = orders().ship(order);
      Workflow.await(() -> proceed);
      return List.of(first, orders().charge(order));
    }

    @Override
    public void proceed() {
      proceed = true;
    }
  }

  /** Version 2: charges first for new runs; runs already past the change keep shipping first. */
  public static class OrderV2 extends OrderV1 {
    @Override
    public List<String> process(String order) {
      int version = Workflow.getVersion("charge-first", Workflow.DEFAULT_VERSION, 1);
      String first =
          version == Workflow.DEFAULT_VERSION ? orders().ship(order) : orders().charge(order);
      Workflow.await(() -> proceed);
      String second =
          version == Workflow.DEFAULT_VERSION ? orders().charge(order) : orders().ship(order);
      return List.of(first, second);
    }
  }

  /** Version 3: dropped support for runs that predate the change. */
  public static class OrderV3 extends OrderV1 {
    @Override
    public List<String> process(String order) {
      Workflow.getVersion("charge-first", 1, 1);
      String first = orders().charge(order);
      Workflow.await(() -> proceed);
      return List.of(first, orders().ship(order));
    }
  }

  /** Version 4: the old branch and the getVersion call are gone. */
  public static class OrderV4 extends OrderV3 {
    @Override
    public List<String> process(String order) {
      String first = orders().charge(order);
      Workflow.await(() -> proceed);
      return List.of(first, orders().ship(order));
    }
  }

  static Consumer<WeftEngine> register(Supplier<Order> impl) {
    return e ->
        e.newWorker("orders")
            .registerWorkflow(Order.class, impl)
            .registerActivities(new OrdersImpl());
  }

  static WorkflowHandle<Object> start(EngineFixture f, String id) {
    WorkflowHandle<Object> h =
        f.client()
            .start(
                "Order",
                WorkflowOptions.newBuilder().taskQueue("orders").workflowId(id).build(),
                id);
    Awaitility.await().atMost(WAIT).until(() -> h.fetchHistory().events().size() >= 5);
    return h;
  }

  @Test
  void runsStartedOnOldCodeKeepTheirPathAndNewRunsTakeTheNewOne(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, register(OrderV1::new))) {
      start(f, "old");
      f.restart(register(OrderV2::new));
      start(f, "new");
      f.client().getHandle("old").signal("proceed");
      f.client().getHandle("new").signal("proceed");
      assertThat(f.client().getHandle("old").getResult(List.class))
          .containsExactly("shipped old", "charged old");
      assertThat(f.client().getHandle("new").getResult(List.class))
          .containsExactly("charged new", "shipped new");
      Histories.record("versioning-old-path", f.client().getHandle("old"));
      Histories.record("versioning-new-path", f.client().getHandle("new"));
    }
  }

  @Test
  void aVersionOutsideTheSupportedRangeFailsTheTaskUntilADeploySupportsIt(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, register(OrderV1::new))) {
      start(f, "legacy");
      f.restart(register(OrderV3::new));
      f.client().getHandle("legacy").signal("proceed");
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> f.client().getHandle("legacy").describe().workflowTaskFailure() != null);
      assertThat(f.client().getHandle("legacy").describe().workflowTaskFailure())
          .contains("UnsupportedVersionException")
          .contains("version -1 of change 'charge-first'")
          .contains("[1, 1]");
      assertThat(f.client().getHandle("legacy").describe().status())
          .isEqualTo(WorkflowStatus.RUNNING);
      f.restart(register(OrderV2::new));
      assertThat(f.client().getHandle("legacy").getResult(List.class))
          .containsExactly("shipped legacy", "charged legacy");
    }
  }

  @Test
  void removingTheGetVersionCallLaterStillReplays(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, register(OrderV3::new))) {
      start(f, "current");
      f.restart(register(OrderV4::new));
      f.client().getHandle("current").signal("proceed");
      assertThat(f.client().getHandle("current").getResult(List.class))
          .containsExactly("charged current", "shipped current");
    }
  }
}
