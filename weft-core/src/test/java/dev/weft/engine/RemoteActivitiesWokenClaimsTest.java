package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowOptions;
import dev.weft.store.Store;
import dev.weft.testsupport.TestStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A commit that makes one activity task ready wakes every remote poll waiting on its queue; only
 * one of them may go to the store for it. Before, each woken poll sent its own claim to the store
 * at once (16 claims for one task here, 30 of 32 empty in {@code weft bench remote-activities}),
 * which took most of the SQLite writer's time. The store is the real one, with its claims counted.
 */
@Tag("engine")
class RemoteActivitiesWokenClaimsTest {
  private static final int POLLS = 16;
  private static final String QUEUE = RemoteActivitiesTest.REMOTE_QUEUE;
  private static final Duration WAIT = RemoteActivitiesTest.WAIT;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void oneTaskReadyWakesOneClaimNotOnePerPoll(TestStore kind, @TempDir Path dir) throws Exception {
    AtomicInteger claims = new AtomicInteger();
    Store store = countingClaims(kind.open(dir), claims);
    try (WeftEngine engine = WeftEngine.builder().store(store).build()) {
      engine
          .newWorker("greetings")
          .registerWorkflow(RemoteActivitiesTest.Greet.class, RemoteActivitiesTest.GreetImpl::new);
      engine.start();
      RemoteActivities remote = engine.remoteActivities();
      List<CompletableFuture<List<RemoteActivityTask>>> polls = new ArrayList<>();
      for (int i = 0; i < POLLS; i++) {
        String identity = "worker-" + i;
        CompletableFuture<List<RemoteActivityTask>> polled = new CompletableFuture<>();
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    polled.complete(remote.pollBatch(QUEUE, identity, Set.of(), 8, WAIT));
                  } catch (Throwable t) {
                    polled.completeExceptionally(t);
                  }
                });
        polls.add(polled);
      }
      // each poll claims once when it comes, finds nothing and waits
      Awaitility.await().atMost(WAIT).until(() -> claims.get() >= POLLS);
      Thread.sleep(200);
      int before = claims.get();

      engine
          .client()
          .start("Greet", WorkflowOptions.newBuilder().taskQueue("greetings").build(), "Ada", 0L);

      Awaitility.await()
          .atMost(WAIT)
          .until(() -> polls.stream().filter(CompletableFuture::isDone).count() == 1);
      Thread.sleep(300);
      assertThat(polls.stream().filter(CompletableFuture::isDone).count())
          .as("one poll got the task, the others still wait")
          .isEqualTo(1);
      CompletableFuture<List<RemoteActivityTask>> got =
          polls.stream().filter(CompletableFuture::isDone).findFirst().orElseThrow();
      assertThat(got.join()).hasSize(1);
      assertThat(claims.get() - before)
          .as("claims after the one task became ready, with %d polls woken", POLLS)
          .isLessThanOrEqualTo(2);

      // the polls that skipped their claim still see the next task
      engine
          .client()
          .start("Greet", WorkflowOptions.newBuilder().taskQueue("greetings").build(), "Grace", 0L);
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> polls.stream().filter(CompletableFuture::isDone).count() == 2);
      assertThat(
              polls.stream().filter(CompletableFuture::isDone).mapToInt(p -> p.join().size()).sum())
          .isEqualTo(2);
    }
  }

  /** The store, with each activity claim counted (a claim that finds nothing included). */
  private static Store countingClaims(Store store, AtomicInteger claims) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(),
            new Class<?>[] {Store.class},
            (proxy, method, args) -> {
              if (method.getName().equals("claimActivityTasks")) {
                claims.incrementAndGet();
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
