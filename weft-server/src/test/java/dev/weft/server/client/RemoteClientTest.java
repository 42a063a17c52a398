package dev.weft.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.weft.client.WeftApiException;
import dev.weft.client.WeftClient;
import dev.weft.client.WeftClientOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.DataConverter;
import dev.weft.converter.Payload;
import dev.weft.failure.DataConverterException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.history.WorkflowHistory;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is particular to the client over HTTP (the client tests of weft-core run over it too, see
 * {@code dev.weft.client.*OverHttpTest}): its address and options, the token it sends, refusals
 * without an engine exception, what it does not do, and waits that end.
 */
class RemoteClientTest {

  @WorkflowInterface
  public interface Gate {
    @WorkflowMethod
    String pass();

    @SignalMethod
    void open();
  }

  public static class GateImpl implements Gate {
    private boolean open;

    @Override
    public String pass() {
      Workflow.await(() -> open);
      return "passed";
    }

    @Override
    public void open() {
      open = true;
    }
  }

  private static final Consumer<dev.weft.engine.WeftEngine> GATES =
      e -> e.newWorker("gates").registerWorkflow(Gate.class, GateImpl::new);

  private static WorkflowOptions gate(String id) {
    return WorkflowOptions.newBuilder().taskQueue("gates").workflowId(id).build();
  }

  @Test
  void anAddressMustBeAnHttpUrlWithAHost() {
    for (String bad : new String[] {"localhost:7070", "ftp://host", "http://", "not a url"}) {
      assertThatThrownBy(() -> WeftClient.connect(bad, null))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> WeftClientOptions.newBuilder().namespace(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace");
    assertThatThrownBy(() -> WeftClientOptions.newBuilder().requestTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestTimeout");
  }

  @Test
  void whatOnceOnlyAnEngineInProcessDidGoesToTheServer() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String address = "http://127.0.0.1:" + port;
    WeftClient client = WeftClient.connect(address, null);
    Map<String, Runnable> overHttp =
        Map.of(
            "importHistory",
            () -> client.importHistory(new WorkflowHistory("w", "r", List.of())),
            "completeActivity",
            () -> client.completeActivity("token", "x"),
            "failActivity",
            () -> client.failActivity("token", new IllegalStateException()),
            "heartbeatActivity",
            () -> client.heartbeatActivity("token", null),
            "pauseTaskQueue",
            () -> client.pauseTaskQueue("q", "why"),
            "setFairnessKeyLimit",
            () -> client.setFairnessKeyLimit("q", "k", null),
            "flowControl",
            client::flowControl);
    overHttp.forEach(
        (method, call) ->
            assertThatThrownBy(call::run)
                .as(method)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(address));
  }

  @Test
  void theTokenIsSentAsABearerAndARefusalWithoutAnEngineExceptionNamesItsProblem()
      throws Exception {
    AtomicReference<String> authorization = new AtomicReference<>();
    HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext(
        "/",
        exchange -> {
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              ("{\"type\":\"https://weft.dev/problems/token-refused\",\"title\":\"Forbidden\","
                      + "\"status\":403,\"detail\":\"the token may not read namespace"
                      + " 'default'\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
          exchange.sendResponseHeaders(403, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    fake.start();
    try {
      WeftClient client =
          WeftClient.connect("http://127.0.0.1:" + fake.getAddress().getPort(), "s3cret");
      assertThatThrownBy(() -> client.getHandle("any"))
          .isInstanceOfSatisfying(
              WeftApiException.class,
              e -> {
                assertThat(e.getStatus()).isEqualTo(403);
                assertThat(e.getType()).isEqualTo("token-refused");
                assertThat(e.getMessage()).contains("may not read namespace 'default'");
              });
      assertThat(authorization.get()).isEqualTo("Bearer s3cret");
    } finally {
      fake.stop(0);
    }
  }

  @Test
  void anUnreachableServerIsAnUncheckedIoErrorNamingTheAddress() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String address = "http://127.0.0.1:" + port;
    assertThatThrownBy(() -> WeftClient.connect(address, null).getHandle("w"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(address);
  }

  @Test
  void anotherNamespaceAndANonJsonConverterAreRefusedAndTimedWaitsEnd(@TempDir Path dir) {
    try (ApiServer api = ApiServer.start(TestStore.SQLITE, dir, GATES)) {
      String address = api.server().baseUri().toString();
      WeftClient elsewhere =
          WeftClient.connect(
              address, null, WeftClientOptions.newBuilder().namespace("billing").build());
      assertThatThrownBy(() -> elsewhere.start("Gate", gate("g-0")))
          .isInstanceOfSatisfying(
              WeftApiException.class,
              e -> {
                assertThat(e.getStatus()).isEqualTo(404);
                assertThat(e.getType()).isEqualTo("namespace-not-found");
              });

      WeftClient binary =
          WeftClient.connect(
              address,
              null,
              WeftClientOptions.newBuilder().dataConverter(new BinaryConverter()).build());
      assertThatThrownBy(() -> binary.start("Gate", gate("g-1")))
          .isInstanceOf(DataConverterException.class)
          .hasMessageContaining("encoded 'binary'");
      assertThat(api.engine().client().countWorkflows(dev.weft.client.WorkflowFilter.all()))
          .isZero();

      WeftClient client = WeftClient.connect(address, null);
      Gate stub = client.newWorkflowStub(Gate.class, gate("g-2"));
      WorkflowHandle<String> handle = client.start(stub::pass);
      assertThatThrownBy(() -> handle.getResult(Duration.ofMillis(300)))
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      stub.open();
      assertThat(handle.getResultAsync().join()).isEqualTo("passed");
      assertThat(handle.fetchHistory().events()).hasSizeGreaterThan(3);
    }
  }

  @Test
  void refusalsCarryTheIdentifiersTheProblemMembersName(@TempDir Path dir) {
    try (ApiServer api = ApiServer.start(TestStore.SQLITE, dir, GATES)) {
      WeftClient client = WeftClient.connect(api.server().baseUri().toString(), null);
      WorkflowHandle<Object> first = client.start("Gate", gate("g-dup"));

      assertThatThrownBy(() -> client.start("Gate", gate("g-dup")))
          .isInstanceOfSatisfying(
              WorkflowAlreadyStartedException.class,
              e -> {
                assertThat(e.getWorkflowId()).isEqualTo("g-dup");
                assertThat(e.getExistingRunId()).isEqualTo(first.runId());
              });
      assertThatThrownBy(() -> client.getHandle("g-dup", "no-such-run"))
          .isInstanceOfSatisfying(
              WorkflowNotFoundException.class,
              e -> {
                assertThat(e.getWorkflowId()).isEqualTo("g-dup");
                assertThat(e.getRunId()).isEqualTo("no-such-run");
              });
    }
  }

  /** A converter whose payloads are not JSON, which the API cannot carry. */
  private static final class BinaryConverter implements DataConverter {
    @Override
    public Payload toPayload(Object value) {
      return new Payload("binary", new byte[] {1});
    }

    @Override
    public Object fromPayload(Payload payload, Type type) {
      return null;
    }

    @Override
    public Payload argumentsToPayload(Object[] arguments) {
      return new Payload("binary", new byte[] {1});
    }

    @Override
    public Object[] argumentsFromPayload(Payload payload, Type[] parameterTypes) {
      return new Object[0];
    }
  }
}
