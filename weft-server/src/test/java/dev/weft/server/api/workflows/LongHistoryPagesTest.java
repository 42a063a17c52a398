package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.history.WorkflowHistory;
import dev.weft.server.http.ApiJson;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 20,000-event history read page by page through {@code GET .../history}: the pages, put
 * together, are the history the client exports, and each page is read from its event ID on (a
 * page's read does not grow with the history's length after it).
 */
class LongHistoryPagesTest {
  private static final String QUEUE = "long-history";
  private static final int MARKERS = 20_000;

  @TempDir Path dir;

  /** Records {@code count} side effects: one marker event each, in one workflow task. */
  @WorkflowInterface
  public interface Markers {
    @WorkflowMethod
    int record(int count);
  }

  /** The implementation of {@link Markers}. */
  public static final class MarkersImpl implements Markers {
    @Override
    public int record(int count) {
      int sum = 0;
      for (int i = 0; i < count; i++) {
        int n = i;
        sum += Workflow.sideEffect(Integer.class, () -> n);
      }
      return sum;
    }
  }

  private static void register(WeftEngine engine) {
    engine.newWorker(QUEUE).registerWorkflow(Markers.class, MarkersImpl::new);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aTwentyThousandEventHistoryPagedIsTheExportedHistory(TestStore store) throws Exception {
    try (ApiServer server =
        ApiServer.start(store, dir.resolve(store.name()), LongHistoryPagesTest::register)) {
      String id = "markers-" + store.name();
      Markers stub =
          server
              .engine()
              .client()
              .newWorkflowStub(
                  Markers.class,
                  WorkflowOptions.newBuilder().workflowId(id).taskQueue(QUEUE).build());
      var handle = server.engine().client().start(stub::record, MARKERS);
      handle.getResult();
      WorkflowHistory exported = handle.fetchHistory();
      assertThat(exported.events()).hasSizeGreaterThan(MARKERS);

      ApiCalls api = server.calls();
      List<JsonNode> paged = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        JsonNode page =
            api.get(
                    Servers.workflow(id)
                        + "/history?pageSize=1000"
                        + (token == null ? "" : "&nextPageToken=" + token))
                .json();
        page.path("events").forEach(paged::add);
        token = page.hasNonNull("nextPageToken") ? page.path("nextPageToken").asText() : null;
        pages++;
      } while (token != null);

      assertThat(pages).isEqualTo((exported.events().size() + 999) / 1000);
      JsonNode whole = ApiJson.MAPPER.readTree(exported.toJson()).path("events");
      assertThat(paged).hasSize(whole.size());
      for (int i = 0; i < paged.size(); i++) {
        assertThat(paged.get(i)).as("event %d", i + 1).isEqualTo(whole.get(i));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void fetchHistoryWithMaxEventsReturnsThatPageAndRefusesLessThanOne(TestStore store) {
    try (ApiServer server =
        ApiServer.start(store, dir.resolve(store.name()), LongHistoryPagesTest::register)) {
      String id = "markers-page-" + store.name();
      Markers stub =
          server
              .engine()
              .client()
              .newWorkflowStub(
                  Markers.class,
                  WorkflowOptions.newBuilder().workflowId(id).taskQueue(QUEUE).build());
      var handle = server.engine().client().start(stub::record, 50);
      handle.getResult();
      int length = handle.fetchHistory().events().size();

      var page = handle.fetchHistory(10, 5, Duration.ZERO);
      assertThat(page.events())
          .extracting(e -> e.eventId())
          .containsExactly(11L, 12L, 13L, 14L, 15L);
      var last = handle.fetchHistory(length - 2, 5, Duration.ZERO);
      assertThat(last.events())
          .extracting(e -> e.eventId())
          .containsExactly((long) length - 1, (long) length);
      assertThatThrownBy(() -> handle.fetchHistory(0, 0, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(id)
          .hasMessageContaining("maxEvents 1 or more (was 0)");
    }
  }
}
