package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo runs every example end to end and reports each workflow's outcome. */
class DemoTest {

  @Test
  void runsEveryExampleAndPrintsEachWorkflowsOutcome() {
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
        .contains("workflow approval-exp-1001")
        .contains("query    ESCALATED, asked erin")
        .contains("signal   approve(\"dave\") refused: not the current approver (erin)")
        .contains("-> run COMPLETED, request APPROVED by erin after escalation")
        .contains("workflow approval-exp-1002")
        .contains("-> run COMPLETED, request REJECTED by dave, no escalation")
        .contains("workflow catch-up-0-10000")
        .contains("run 10   blocks 9,000 to 9,999: COMPLETED")
        .contains("-> 10,000 blocks in 10 runs of")
        .contains("store holds 10,000 blocks, 0 duplicate writes skipped")
        .contains("Demo finished.");
    assertThat(out.indexOf("REFUND")).isLessThan(out.indexOf("RELEASE"));
    assertThat(out.indexOf("notified dave (approval-request)"))
        .isLessThan(out.indexOf("notified erin (escalation)"))
        .isLessThan(out.indexOf("notified carol (outcome)"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }
}
