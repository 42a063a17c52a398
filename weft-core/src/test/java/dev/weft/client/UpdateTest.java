package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.UnknownUpdateException;
import dev.weft.failure.UpdateFailedException;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.history.EventAttributes;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.UpdateMethod;
import dev.weft.workflow.UpdateValidatorMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates: validated, recorded, run like workflow code, answered to the caller. */
@Tag("engine")
public class UpdateTest {

  @WorkflowInterface
  public interface Cart {
    @WorkflowMethod
    int checkout();

    /** Adds items; blocks briefly like workflow code may; returns the new total. */
    @UpdateMethod
    int add(int items);

    @UpdateValidatorMethod(updateName = "add")
    void validateAdd(int items);

    @SignalMethod
    void close();

    @QueryMethod
    int total();
  }

  public static class CartImpl implements Cart {
    private int total;
    private boolean closed;

    @Override
    public int checkout() {
      Workflow.await(() -> closed);
      return total;
    }

    @Override
    public int add(int items) {
      if (items == 13) {
        throw ApplicationFailure.newFailure("13 items are unlucky", "Unlucky");
      }
      Workflow.sleep(Duration.ofMillis(10));
      total += items;
      return total;
    }

    @Override
    public void validateAdd(int items) {
      if (items <= 0) {
        throw new IllegalArgumentException("items must be positive, was " + items);
      }
      if (closed) {
        throw new IllegalStateException("the cart is closed");
      }
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public int total() {
      return total;
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir, e -> e.newWorker("carts").registerWorkflow(Cart.class, CartImpl::new));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String id) {
    return f.client()
        .start("Cart", WorkflowOptions.newBuilder().workflowId(id).taskQueue("carts").build());
  }

  private static <T> List<T> events(WorkflowHandle<?> h, Class<T> type) {
    return h.fetchHistory().events().stream()
        .map(e -> e.attributes())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  @Test
  void anUpdateChangesStateAndReturnsItsResult(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "cart-1");

      assertThat(h.update("add", Integer.class, 5)).isEqualTo(5);
      assertThat(f.client().newWorkflowStub(Cart.class, "cart-1").add(7)).isEqualTo(12);

      assertThat(h.query("total", Integer.class)).isEqualTo(12);
      assertThat(events(h, EventAttributes.UpdateAccepted.class))
          .extracting(EventAttributes.UpdateAccepted::updateName)
          .containsExactly("add", "add");
      assertThat(events(h, EventAttributes.UpdateCompleted.class)).hasSize(2);
      h.signal("close");
      assertThat(h.getResult(Integer.class)).isEqualTo(12);
      Histories.record("updates-accepted", h);
    }
  }

  @Test
  void aRejectedUpdateChangesNothingAndLeavesNoHistory(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "cart-2");
      h.update("add", Integer.class, 2);
      int eventsBefore = h.fetchHistory().events().size();

      assertThatThrownBy(() -> h.update("add", Integer.class, -1))
          .isInstanceOfSatisfying(
              UpdateRejectedException.class,
              e -> {
                assertThat(e.getUpdateName()).isEqualTo("add");
                assertThat(e.getWorkflowId()).isEqualTo("cart-2");
              })
          .hasMessageContaining("items must be positive, was -1");

      assertThat(h.fetchHistory().events()).hasSize(eventsBefore);
      assertThat(h.query("total", Integer.class)).isEqualTo(2);
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(f.store().readInbox(h.describe().runId())).isEmpty();
    }
  }

  @Test
  void aFailingHandlerFailsTheUpdateNotTheWorkflow(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "cart-3");

      assertThatThrownBy(() -> h.update("add", Integer.class, 13))
          .isInstanceOf(UpdateFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class, app -> assertThat(app.getType()).isEqualTo("Unlucky"));

      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(h.update("add", Integer.class, 1)).isEqualTo(1);
    }
  }

  @Test
  void anUpdateToAClosedRunIsRefusedAndWritesNothing(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "cart-4");
      h.signal("close");
      h.getResult(Integer.class);
      long events = f.stats().historyEvents();

      assertThatThrownBy(() -> h.update("add", Integer.class, 1))
          .isInstanceOf(WorkflowNotRunningException.class)
          .hasMessageContaining("cannot update 'add'")
          .hasMessageContaining("is COMPLETED");
      assertThat(f.stats().historyEvents()).isEqualTo(events);
      assertThat(f.stats().inboxEvents()).isZero();
    }
  }

  @Test
  void anUnknownUpdateIsRefusedBeforeAnythingIsSent(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "cart-5");

      assertThatThrownBy(() -> h.update("remove", Integer.class, 1))
          .isInstanceOf(UnknownUpdateException.class)
          .hasMessage("workflow type 'Cart' has no update 'remove'; its updates: [add]");
      assertThat(f.stats().inboxEvents()).isZero();
    }
  }
}
