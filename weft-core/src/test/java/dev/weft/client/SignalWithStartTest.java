package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.history.EventAttributes;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signal-with-start, and signals buffered before the workflow reads them. */
@Tag("engine")
public class SignalWithStartTest {

  @WorkflowInterface
  public interface Cart {
    @WorkflowMethod
    List<String> checkout(int items);

    @SignalMethod
    void add(String item);
  }

  /** Collects items until it has the number it was started with. */
  public static class CartImpl implements Cart {
    private final List<String> items = new ArrayList<>();

    @Override
    public List<String> checkout(int count) {
      Workflow.sleep(Duration.ofMillis(100));
      Workflow.await(() -> items.size() >= count);
      return items;
    }

    @Override
    public void add(String item) {
      items.add(item);
    }
  }

  @WorkflowInterface
  public interface Doorbell {
    @WorkflowMethod
    String answer();

    @SignalMethod
    void ring(String who);
  }

  /** Reads what was signalled on its first line, without blocking. */
  public static class DoorbellImpl implements Doorbell {
    private final List<String> rings = new ArrayList<>();

    @Override
    public String answer() {
      return "rang before the door opened: " + rings;
    }

    @Override
    public void ring(String who) {
      rings.add(who);
    }
  }

  private EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("carts")
                .registerWorkflow(Cart.class, CartImpl::new)
                .registerWorkflow(Doorbell.class, DoorbellImpl::new));
  }

  @Test
  void theHandlerOfASignalSentWithTheStartRunsBeforeTheWorkflowMethod(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Doorbell door = f.client().newWorkflowStub(Doorbell.class, opts("door-1"));
      WorkflowHandle<String> h = f.client().signalWithStart(door::answer, () -> door.ring("ada"));

      assertThat(h.getResult()).isEqualTo("rang before the door opened: [ada]");
      EventAttributes.WorkflowStarted started =
          (EventAttributes.WorkflowStarted) h.fetchHistory().events().get(0).attributes();
      assertThat(started.runsHandlersBeforeMain()).isTrue();
      Histories.record("signal-with-start-handler-first", h);
    }
  }

  private static WorkflowOptions opts(String id) {
    return WorkflowOptions.newBuilder().taskQueue("carts").workflowId(id).build();
  }

  @Test
  void startsTheWorkflowWithTheSignalDeliveredFirst(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Cart cart = f.client().newWorkflowStub(Cart.class, opts("cart-1"));
      WorkflowHandle<List<String>> h =
          f.client().signalWithStart(() -> cart.checkout(1), () -> cart.add("mug"));
      assertThat(h.getResult()).containsExactly("mug");
      List<String> types = h.fetchHistory().events().stream().map(e -> e.type()).toList();
      assertThat(types.subList(0, 3))
          .containsExactly("WorkflowStarted", "SignalReceived", "WorkflowTaskCompleted");
      Histories.record("signal-with-start", h);
    }
  }

  @Test
  void signalsTheRunningRunInsteadOfStartingAnother(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> first =
          f.client().signalWithStart("Cart", opts("cart-2"), new Object[] {3}, "add", "a");
      WorkflowHandle<Object> second =
          f.client().signalWithStart("Cart", opts("cart-2"), new Object[] {3}, "add", "b");
      WorkflowHandle<Object> third =
          f.client().signalWithStart("Cart", opts("cart-2"), new Object[] {3}, "add", "c");
      assertThat(second.runId()).isEqualTo(first.runId());
      assertThat(third.runId()).isEqualTo(first.runId());
      assertThat(first.getResult(List.class)).containsExactly("a", "b", "c");
      assertThat(f.stats().runs()).isEqualTo(1);
    }
  }

  @Test
  void signalsSentBeforeTheWorkflowReadsThemAreBufferedInOrder(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Cart cart = f.client().newWorkflowStub(Cart.class, opts("cart-3"));
      WorkflowHandle<List<String>> h = f.client().start(cart::checkout, 10);
      for (int i = 0; i < 10; i++) {
        cart.add("item-" + i);
      }
      assertThat(h.getResult())
          .containsExactly(
              "item-0", "item-1", "item-2", "item-3", "item-4", "item-5", "item-6", "item-7",
              "item-8", "item-9");
      assertThat(h.fetchHistory().events())
          .filteredOn(e -> e.attributes() instanceof EventAttributes.SignalReceived)
          .hasSize(10);
      Histories.record("signals-buffered-in-order", h);
    }
  }

  @Test
  void aClosedIdThatMayNotBeReusedIsRefused(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowOptions once =
          opts("cart-4").toBuilder().idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build();
      f.client().signalWithStart("Cart", once, new Object[] {1}, "add", "x").getResult();
      assertThatThrownBy(
              () -> f.client().signalWithStart("Cart", once, new Object[] {1}, "add", "y"))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("'cart-4'");
      assertThatThrownBy(
              () ->
                  f.client()
                      .signalWithStart(
                          "Cart",
                          WorkflowOptions.newBuilder().taskQueue("carts").build(),
                          new Object[] {1},
                          "add",
                          "y"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("workflowId");
    }
  }
}
