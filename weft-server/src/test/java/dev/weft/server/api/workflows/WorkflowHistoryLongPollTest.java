package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WeftClient;
import dev.weft.history.WorkflowHistory;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET .../history?waitNewEvent=true&afterEventId=N}: the history long poll. */
class WorkflowHistoryLongPollTest {
  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  /** The event ID after which the run's first workflow task ends (it then awaits a signal). */
  private static long settled(ApiCalls api, String id) {
    long after = 0;
    while (true) {
      JsonNode page = poll(api, id, after, "PT10S").json();
      for (JsonNode e : page.path("events")) {
        after = e.path("eventId").asLong();
        if (e.path("attributes").path("type").asText().equals("WorkflowTaskCompleted")) {
          return after;
        }
      }
    }
  }

  private static Answer poll(ApiCalls api, String id, long after, String wait) {
    return api.get(
        Servers.workflow(id)
            + "/history?waitNewEvent=true&afterEventId="
            + after
            + (wait == null ? "" : "&wait=" + wait));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void answersAsSoonAsTheRunHasANewEventAndAtOnceWhenItIsClosed(TestStore store) throws Exception {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("long-poll");
    String runId =
        api.post(Servers.WORKFLOWS, Servers.start("Account", id, 1)).json().path("runId").asText();
    long last = settled(api, id);

    long asked = System.nanoTime();
    Answer empty = poll(api, id, last, "PT0.3S");
    assertThat(Duration.ofNanos(System.nanoTime() - asked))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().path("events").size()).isZero();
    assertThat(empty.json().path("nextEventId").asLong()).isEqualTo(last + 1);
    assertThat(empty.json().path("runId").asText()).isEqualTo(runId);
    assertThat(empty.json().has("nextPageToken")).isFalse();

    CompletableFuture<Answer> waiting =
        CompletableFuture.supplyAsync(() -> poll(api, id, last, null));
    assertThat(
            api.post(Servers.workflow(id) + "/signals/deposit", Map.of("args", List.of(5)))
                .status())
        .isEqualTo(204);
    long signalled = System.nanoTime();
    Answer news = waiting.get();
    Duration latency = Duration.ofNanos(System.nanoTime() - signalled);
    assertThat(latency)
        .as("the wait is 20 s; it answered after %s", latency)
        .isLessThan(Duration.ofSeconds(3));
    assertThat(news.json().path("events").size()).isPositive();
    assertThat(news.json().path("events").get(0).path("eventId").asLong()).isEqualTo(last + 1);
    assertThat(news.json().path("events").findValuesAsText("type")).contains("SignalReceived");
    long after = news.json().path("nextEventId").asLong() - 1;

    api.post(Servers.workflow(id) + "/signals/close", null);
    assertThat(api.get(Servers.workflow(id) + "/result").json().path("status").asText())
        .isEqualTo("COMPLETED");
    long end = after;
    for (JsonNode page = poll(api, id, end, null).json();
        page.path("events").size() > 0;
        page = poll(api, id, end, null).json()) {
      end = page.path("nextEventId").asLong() - 1;
    }
    asked = System.nanoTime();
    Answer closed = poll(api, id, end, "PT30S");
    assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
    assertThat(closed.json().path("events").size()).isZero();
    assertThat(closed.json().path("nextEventId").asLong()).isEqualTo(end + 1);
    JsonNode all = api.get(Servers.workflow(id) + "/history?pageSize=1000").json();
    assertThat(all.path("nextEventId").asLong()).isEqualTo(end + 1);

    JsonNode fromMiddle =
        api.get(Servers.workflow(id) + "/history?afterEventId=" + last + "&pageSize=1").json();
    assertThat(fromMiddle.path("events").get(0).path("eventId").asLong()).isEqualTo(last + 1);
    assertThat(fromMiddle.has("nextPageToken")).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theJavaClientWaitsTheSameWayEmbeddedAndOverHttp(TestStore store) throws Exception {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("long-poll-java");
    api.post(Servers.WORKFLOWS, Servers.start("Account", id, 1));
    long last = settled(api, id);
    WeftClient embedded = servers.server(store).engine().client();
    WeftClient remote =
        WeftClient.connect(servers.server(store).server().baseUri().toString(), null);
    for (WeftClient client : List.of(embedded, remote)) {
      var handle = client.getHandle(id);
      long from = last;
      assertThat(handle.fetchHistory(from, Duration.ZERO).events()).isEmpty();
      CompletableFuture<WorkflowHistory> waiting =
          CompletableFuture.supplyAsync(() -> handle.fetchHistory(from, Duration.ofSeconds(30)));
      handle.signal("deposit", 1);
      WorkflowHistory news = waiting.get();
      assertThat(news.events()).isNotEmpty();
      assertThat(news.events().get(0).eventId()).isEqualTo(from + 1);
      last = news.events().getLast().eventId();
      while (!(news = handle.fetchHistory(last, Duration.ofMillis(200))).events().isEmpty()) {
        last = news.events().getLast().eventId();
      }
    }
    assertThat(last).isEqualTo(embedded.getHandle(id).describe().historyLength());
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesBadPositionsAndWaitsNamingTheParameter(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("long-poll-bad");
    api.post(Servers.WORKFLOWS, Servers.start("Greeter", id, "x"));
    String history = Servers.workflow(id) + "/history";
    assertField(api.get(history + "?wait=PT1S"), "wait");
    assertField(api.get(history + "?waitNewEvent=true&wait=PT61S"), "wait");
    assertField(api.get(history + "?waitNewEvent=true&wait=5"), "wait");
    assertField(api.get(history + "?waitNewEvent=yes"), "waitNewEvent");
    assertField(api.get(history + "?afterEventId=-1"), "afterEventId");
    assertField(api.get(history + "?afterEventId=x"), "afterEventId");
    // a page of one with a token needs a second event: the first workflow task's (a busy machine
    // may not have run it yet)
    settled(api, id);
    String token = api.get(history + "?pageSize=1").json().path("nextPageToken").asText();
    assertField(api.get(history + "?afterEventId=1&nextPageToken=" + token), "afterEventId");
    Problems.assertProblem(
        api.get(Servers.workflow(Servers.id("none")) + "/history?waitNewEvent=true"),
        404,
        "workflow-not-found");
  }

  private static void assertField(Answer a, String field) {
    Problems.assertProblem(a, 400, "invalid-parameter");
    assertThat(a.json().path("field").asText()).as(a.body()).isEqualTo(field);
  }
}
