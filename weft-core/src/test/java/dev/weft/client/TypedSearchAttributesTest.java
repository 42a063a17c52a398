package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.SearchAttributeKey;
import dev.weft.common.SearchAttributeType;
import dev.weft.common.SearchAttributes;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyword lists, typed keys and RFC 3339 date-times, end to end: set at start and by the workflow,
 * found by "contains" filters, removed without nulls, read back typed.
 */
@Tag("engine")
public class TypedSearchAttributesTest {
  static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");
  static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("Stage");
  static final SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("Amount");
  static final SearchAttributeKey<OffsetDateTime> DUE =
      SearchAttributeKey.forOffsetDateTime("DueAt");

  /** Runs started here keep the attributes they start with: no workflow task changes them. */
  static final String NO_WORKER = "no-worker";

  static final OffsetDateTime DUE_AT = OffsetDateTime.parse("2026-12-06T10:00:00.250+01:00");

  @WorkflowInterface
  public interface Parcel {
    @WorkflowMethod
    String deliver();

    @SignalMethod
    void delivered();

    @QueryMethod
    Map<String, Object> attributes();
  }

  /** Tags itself with typed updates, then on a signal removes its tags and stage without nulls. */
  public static class ParcelImpl implements Parcel {
    private boolean delivered;

    @Override
    public String deliver() {
      Workflow.upsertTypedSearchAttributes(
          TAGS.valueSet(List.of("fragile", "express", "fragile")),
          STAGE.valueSet("in-transit"),
          DUE.valueSet(DUE_AT));
      Workflow.upsertSearchAttributes(Map.of("Amount", 7L, "Seen", "2026-12-06T08:00:00Z"));
      Workflow.await(() -> delivered);
      Workflow.upsertTypedSearchAttributes(TAGS.valueSet(List.of()), STAGE.valueUnset());
      SearchAttributes now = Workflow.getTypedSearchAttributes();
      return now.get(DUE)
          + " "
          + now.get(SearchAttributeKey.forDatetime("Seen"))
          + " "
          + now.get(AMOUNT)
          + " "
          + now.containsKey(TAGS);
    }

    @Override
    public void delivered() {
      delivered = true;
    }

    @Override
    public Map<String, Object> attributes() {
      return Workflow.getSearchAttributes();
    }
  }

  @WorkflowInterface
  public interface Mislabelled {
    @WorkflowMethod
    void run();
  }

  public static class MislabelledImpl implements Mislabelled {
    @Override
    public void run() {
      Workflow.upsertTypedSearchAttributes(SearchAttributeKey.forText("Stage").valueSet("x"));
    }
  }

  static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        b ->
            b.registerSearchAttribute("Tags", SearchAttributeType.KEYWORD_LIST)
                .registerSearchAttribute("Stage", SearchAttributeType.KEYWORD)
                .registerSearchAttribute("Amount", SearchAttributeType.INT)
                .registerSearchAttribute("DueAt", SearchAttributeType.DATETIME)
                .registerSearchAttribute("Seen", SearchAttributeType.DATETIME),
        e ->
            e.newWorker("parcels")
                .registerWorkflow(Parcel.class, ParcelImpl::new)
                .registerWorkflow(Mislabelled.class, MislabelledImpl::new));
  }

  private static List<String> ids(EngineFixture f, String query) {
    return f.client().listWorkflows(WorkflowFilter.query(query)).workflows().stream()
        .map(WorkflowSummary::workflowId)
        .toList();
  }

  @Test
  void typedUpsertsAreFoundByContainsAndRemovedWithoutNulls(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Parcel stub =
          f.client()
              .newWorkflowStub(
                  Parcel.class,
                  WorkflowOptions.newBuilder().taskQueue("parcels").workflowId("p-1").build());
      WorkflowHandle<String> h = f.client().start(stub::deliver);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ids(f, "Tags = 'express'").contains("p-1"));

      assertThat(ids(f, "Tags IN ('oversize', 'fragile') AND Stage = 'in-transit'"))
          .containsExactly("p-1");
      assertThat(
              ids(f, "DueAt = '2026-12-06T09:00:00.250Z' AND Seen < '2026-12-06T09:30:00+01:00'"))
          .containsExactly("p-1");
      assertThat(ids(f, "Tags != 'express'")).isEmpty();
      assertThat(h.describe().searchAttributes())
          .containsEntry("Tags", List.of("fragile", "express", "fragile"))
          .containsEntry("DueAt", DUE_AT.toInstant())
          .containsEntry("Seen", Instant.parse("2026-12-06T08:00:00Z"));

      stub.delivered();

      assertThat(h.getResult()).isEqualTo("2026-12-06T09:00:00.250Z 2026-12-06T08:00:00Z 7 false");
      assertThat(ids(f, "Tags IS NULL AND Stage IS NULL")).containsExactly("p-1");
      assertThat(h.describe().searchAttributes()).doesNotContainKeys("Tags", "Stage");
      Histories.record("typed-search-attributes-upserted", h);
    }
  }

  @Test
  void typedAttributesGivenAtStartAreListedAndDescribed(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      SearchAttributes start =
          SearchAttributes.newBuilder()
              .set(TAGS, List.of("gift"))
              .set(AMOUNT, 12L)
              .set(DUE, DUE_AT)
              .build();
      f.client()
          .start(
              "Parcel",
              WorkflowOptions.newBuilder()
                  .taskQueue(NO_WORKER)
                  .workflowId("p-2")
                  .typedSearchAttributes(start)
                  .build());

      assertThat(ids(f, "Tags = 'gift' AND Amount = 12 AND DueAt > '2026-12-06'"))
          .containsExactly("p-2");
      assertThat(f.client().getHandle("p-2").describe().searchAttributes())
          .containsEntry("Tags", List.of("gift"))
          .containsEntry("DueAt", DUE_AT.toInstant());
    }
  }

  @Test
  void datetimesMayBeRfc3339Strings(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      f.client()
          .start(
              "Parcel",
              WorkflowOptions.newBuilder()
                  .taskQueue(NO_WORKER)
                  .workflowId("p-3")
                  .searchAttribute("DueAt", "2026-12-06T10:00:00+01:00")
                  .searchAttribute("Seen", "2026-12-06T09:30:00.125Z")
                  .build());

      assertThat(f.client().getHandle("p-3").describe().searchAttributes())
          .containsEntry("DueAt", Instant.parse("2026-12-06T09:00:00Z"))
          .containsEntry("Seen", Instant.parse("2026-12-06T09:30:00.125Z"));
      assertThat(ids(f, "DueAt = '2026-12-06T09:00:00Z'")).containsExactly("p-3");
    }
  }

  @Test
  void aDatetimeStringThatIsNotRfc3339IsRefusedWithTheAttributeAndValueNamed(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      for (String bad : List.of("next tuesday", "2026-12-06T10:00:00", "2026-12-06")) {
        assertThatThrownBy(
                () ->
                    f.client()
                        .start(
                            "Parcel",
                            WorkflowOptions.newBuilder()
                                .taskQueue("parcels")
                                .searchAttribute("DueAt", bad)
                                .build()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("search attribute 'DueAt'")
            .hasMessageContaining(bad + " (String)")
            .hasMessageContaining("RFC 3339");
      }
      assertThat(f.client().countWorkflows(WorkflowFilter.all())).isZero();
    }
  }

  @Test
  void aKeyOfAnotherTypeThanTheRegisteredOneFailsTheWorkflowTask(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client()
              .start("Mislabelled", WorkflowOptions.newBuilder().taskQueue("parcels").build());
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> h.describe().workflowTaskFailure() != null);
      assertThat(h.describe().workflowTaskFailure())
          .contains("search attribute 'Stage'")
          .contains("is registered as KEYWORD, but its key is TEXT");
      assertThat(h.describe().searchAttributes()).isEmpty();
    }
  }

  @Test
  void aListOfSomethingElseThanStringsIsRefusedAtStart(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThatThrownBy(
              () ->
                  f.client()
                      .start(
                          "Parcel",
                          WorkflowOptions.newBuilder()
                              .taskQueue("parcels")
                              .searchAttribute("Tags", List.of(1, 2))
                              .build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("search attribute 'Tags'")
          .hasMessageContaining("KEYWORD_LIST")
          .hasMessageContaining("a non-empty List of Strings");
    }
  }
}
