package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.InvalidQueryException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search attributes and memo: set at start, upserted by the code, listed, counted, described. */
@Tag("engine")
public class VisibilityTest {
  static final Instant DUE = Instant.parse("2026-12-24T18:00:00Z");

  @WorkflowInterface
  public interface Order {
    @WorkflowMethod
    String fulfil(String orderId);

    @SignalMethod
    void ship(String carrier);

    @QueryMethod
    Map<String, Object> attributes();
  }

  public static class OrderImpl implements Order {
    private String carrier;

    @Override
    public String fulfil(String orderId) {
      Workflow.upsertSearchAttributes(Map.of("Stage", "packing"));
      Workflow.await(() -> carrier != null);
      Map<String, Object> changes = new HashMap<>();
      changes.put("Stage", "shipped");
      changes.put("Express", carrier.equals("courier"));
      changes.put("Notes", null);
      Workflow.upsertSearchAttributes(changes);
      Workflow.await(() -> false);
      return orderId;
    }

    @Override
    public void ship(String carrier) {
      this.carrier = carrier;
    }

    @Override
    public Map<String, Object> attributes() {
      return Workflow.getSearchAttributes();
    }
  }

  @WorkflowInterface
  public interface Misuse {
    @WorkflowMethod
    void run();
  }

  public static class MisuseImpl implements Misuse {
    @Override
    public void run() {
      Workflow.upsertSearchAttributes(Map.of("Amount", "a lot"));
    }
  }

  @WorkflowInterface
  public interface Tagged {
    /** Tags itself, then continues as new once; the second run returns its attributes. */
    @WorkflowMethod
    Map<String, Object> run(int round);
  }

  public static class TaggedImpl implements Tagged {
    @Override
    public Map<String, Object> run(int round) {
      if (round == 0) {
        Workflow.upsertSearchAttributes(Map.of("Stage", "round-0"));
        Workflow.continueAsNew(1);
      }
      return Workflow.getSearchAttributes();
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        b ->
            b.registerSearchAttribute("CustomerId", SearchAttributeType.KEYWORD)
                .registerSearchAttribute("Amount", SearchAttributeType.INT)
                .registerSearchAttribute("Score", SearchAttributeType.DOUBLE)
                .registerSearchAttribute("Express", SearchAttributeType.BOOL)
                .registerSearchAttribute("DueAt", SearchAttributeType.DATETIME)
                .registerSearchAttribute("Notes", SearchAttributeType.TEXT)
                .registerSearchAttribute("Stage", SearchAttributeType.KEYWORD),
        e ->
            e.newWorker("orders")
                .registerWorkflow(Order.class, OrderImpl::new)
                .registerWorkflow(Misuse.class, MisuseImpl::new)
                .registerWorkflow(Tagged.class, TaggedImpl::new));
  }

  private static WorkflowHandle<Object> startOrder(
      EngineFixture f, String id, String customer, long amount) {
    return f.client()
        .start(
            "Order",
            WorkflowOptions.newBuilder()
                .workflowId(id)
                .taskQueue("orders")
                .searchAttribute("CustomerId", customer)
                .searchAttribute("Amount", amount)
                .searchAttribute("Score", amount / 10.0)
                .searchAttribute("DueAt", DUE)
                .searchAttribute("Notes", "Gift wrap, please")
                .memo("channel", "web")
                .memo("items", List.of("book", "pen"))
                .build(),
            id);
  }

  private static List<String> ids(EngineFixture f, String query) {
    return f.client().listWorkflows(WorkflowFilter.query(query)).workflows().stream()
        .map(WorkflowSummary::workflowId)
        .toList();
  }

  @Test
  void attributesGivenAtStartAreDescribedListedAndCounted(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      startOrder(f, "o-1", "c-1", 50);
      startOrder(f, "o-2", "c-2", 250);
      WorkflowHandle<Object> third = startOrder(f, "o-3", "c-1", 900);

      WorkflowDescription d = third.describe();
      assertThat(d.searchAttributes())
          .containsEntry("CustomerId", "c-1")
          .containsEntry("Amount", 900L)
          .containsEntry("Score", 90.0)
          .containsEntry("DueAt", DUE)
          .containsEntry("Notes", "Gift wrap, please");
      assertThat(d.memo())
          .containsEntry("channel", "web")
          .containsEntry("items", List.of("book", "pen"));

      assertThat(ids(f, "Amount > 100 ORDER BY Amount DESC")).containsExactly("o-3", "o-2");
      assertThat(ids(f, "CustomerId = 'c-1' AND Score >= 5 ORDER BY Amount"))
          .containsExactly("o-1", "o-3");
      assertThat(
              ids(
                  f,
                  "WorkflowType = 'Order' AND Status = 'Running' AND DueAt = '2026-12-24T18:00:00Z'"))
          .containsExactlyInAnyOrder("o-1", "o-2", "o-3");
      assertThat(ids(f, "Notes = 'GIFT' AND CustomerId IN ('c-2', 'c-9')")).containsExactly("o-2");
      assertThat(f.client().countWorkflows(WorkflowFilter.query("Amount BETWEEN 100 AND 1000")))
          .isEqualTo(2);
      assertThat(
              f.client()
                  .countWorkflows(
                      WorkflowFilter.query("CustomerId = 'c-1'")
                          .withStatus(WorkflowStatus.COMPLETED)))
          .isZero();
    }
  }

  @Test
  void theWorkflowUpsertsAndRemovesAttributes(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = startOrder(f, "o-up", "c-1", 10);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ids(f, "Stage = 'packing'").contains("o-up"));

      f.client().newWorkflowStub(Order.class, "o-up").ship("courier");
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ids(f, "Stage = 'shipped' AND Express = true").contains("o-up"));

      assertThat(h.describe().searchAttributes())
          .containsEntry("Stage", "shipped")
          .containsEntry("Express", true)
          .doesNotContainKey("Notes")
          .containsEntry("Amount", 10L);
      assertThat(f.client().newWorkflowStub(Order.class, "o-up").attributes())
          .containsEntry("Stage", "shipped")
          .doesNotContainKey("Notes");
      assertThat(ids(f, "Notes IS NULL")).containsExactly("o-up");
      h.terminate("test over");
      Histories.record("search-attributes-upserted", h);
    }
  }

  @Test
  void pagesOfAnOrderedListVisitEveryRunOnce(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      for (int i = 0; i < 25; i++) {
        startOrder(f, "p-" + i, "c-" + (i % 3), 1000 - i);
      }
      List<String> seen = new ArrayList<>();
      WorkflowFilter filter =
          WorkflowFilter.query("Amount <= 1000 ORDER BY Amount").withPageSize(10);
      int pages = 0;
      do {
        WorkflowPage page = f.client().listWorkflows(filter);
        page.workflows().forEach(w -> seen.add(w.workflowId()));
        filter = filter.pageToken(page.nextPageToken());
        pages++;
      } while (filter.pageToken() != null);

      assertThat(pages).isEqualTo(3);
      assertThat(seen).hasSize(25).doesNotHaveDuplicates();
      assertThat(seen.get(0)).isEqualTo("p-24");
      assertThat(seen.get(24)).isEqualTo("p-0");
    }
  }

  @Test
  void anInvalidQueryPointsAtTheOffendingToken(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThatThrownBy(() -> ids(f, "Amount > 100 AND AND Stage = 'x'"))
          .isInstanceOfSatisfying(
              InvalidQueryException.class,
              e -> {
                assertThat(e.getPosition()).isEqualTo(18);
                assertThat(e.getQuery()).isEqualTo("Amount > 100 AND AND Stage = 'x'");
              })
          .hasMessageContaining("position 18");
      assertThatThrownBy(() -> ids(f, "Amout > 100"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("unknown field 'Amout' at position 1");
      assertThatThrownBy(() -> ids(f, "Amount = 'lots'"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("'lots'")
          .hasMessageContaining("INT");
    }
  }

  @Test
  void aStartWithAnUnknownOrMistypedAttributeIsRefusedAndWritesNothing(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowOptions.Builder base = WorkflowOptions.newBuilder().taskQueue("orders");
      assertThatThrownBy(
              () ->
                  f.client()
                      .start(
                          "Order",
                          base.workflowId("bad-1").searchAttribute("Colour", "red").build(),
                          "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown search attribute 'Colour'")
          .hasMessageContaining("registerSearchAttribute");
      assertThatThrownBy(
              () ->
                  f.client()
                      .start(
                          "Order",
                          WorkflowOptions.newBuilder()
                              .taskQueue("orders")
                              .workflowId("bad-2")
                              .searchAttribute("Amount", "1250.00")
                              .build(),
                          "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("search attribute 'Amount'")
          .hasMessageContaining("is INT")
          .hasMessageContaining("1250.00 (String)");
      assertThat(f.client().countWorkflows(WorkflowFilter.all())).isZero();
      assertThat(f.stats().runs()).isZero();
    }
  }

  @Test
  void anUpsertThatDoesNotFitFailsTheWorkflowTaskAndKeepsTheRunOpen(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client().start("Misuse", WorkflowOptions.newBuilder().taskQueue("orders").build());
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> h.describe().workflowTaskFailure() != null);
      WorkflowDescription d = h.describe();
      assertThat(d.status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(d.workflowTaskFailure())
          .contains("search attribute 'Amount'")
          .contains("is INT")
          .contains("a lot (String)");
      assertThat(d.searchAttributes()).isEmpty();
    }
  }

  @Test
  void continueAsNewCarriesTheCurrentAttributesOver(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client()
              .start(
                  "Tagged",
                  WorkflowOptions.newBuilder()
                      .taskQueue("orders")
                      .workflowId("tagged")
                      .searchAttribute("CustomerId", "c-5")
                      .build(),
                  0);
      assertThat(h.getResult(Map.class))
          .containsEntry("CustomerId", "c-5")
          .containsEntry("Stage", "round-0");
      assertThat(f.client().getHandle("tagged").describe().searchAttributes())
          .containsEntry("Stage", "round-0");
      assertThat(ids(f, "Stage = 'round-0'")).containsExactly("tagged", "tagged");
    }
  }
}
