package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension gives each test a started environment and injects it. */
class WeftExtensionTest {
  @RegisterExtension
  static final WeftExtension weft =
      WeftExtension.newBuilder()
          .registerWorkflow("t", TimeSkippingTest.Sleeper.class, TimeSkippingTest.SleeperImpl::new)
          .build();

  @Test
  void injectsTheClientAndTheEnvironment(WeftClient client, WeftTestEnvironment env) {
    TimeSkippingTest.Sleeper stub =
        client.newWorkflowStub(
            TimeSkippingTest.Sleeper.class, WorkflowOptions.newBuilder().taskQueue("t").build());
    assertThat(stub.sleep(Duration.ofDays(1))).isGreaterThanOrEqualTo(86_400);
    assertThat(env.client()).isSameAs(client);
  }

  @Test
  void eachTestGetsAFreshStore(WeftClient client) {
    assertThat(client.countWorkflows(dev.weft.client.WorkflowFilter.all())).isZero();
  }
}
