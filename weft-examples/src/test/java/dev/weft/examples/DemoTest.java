package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo runs both examples end to end and reports each workflow's outcome. */
class DemoTest {

  @Test
  void runsBothExamplesAndPrintsEachWorkflowsOutcome() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long start = System.nanoTime();

    new Demo(Duration.ofMillis(500)).run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(out);
    assertThat(out)
        .contains("workflow order-1001")
        .contains("-> run COMPLETED (tracking number trk-1001), saga step COMPLETED")
        .contains("workflow order-1002")
        .contains("-> run FAILED (no carrier serves Atlantis), saga step COMPENSATED")
        .contains("workflow subscription-ada@example.com")
        .contains("sent     follow-up email to ada@example.com")
        .contains("workflow subscription-bob@example.com")
        .contains("-> run COMPLETED, subscription UNSUBSCRIBED, no follow-up sent")
        .contains("Demo finished.");
    assertThat(out.indexOf("REFUND")).isLessThan(out.indexOf("RELEASE"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }
}
