package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Temporal's {@code hello/HelloAccumulator}: one workflow per bucket, started or signalled with
 * signal-with-start, accumulates greetings (dropping duplicates and greetings for other buckets),
 * continues as new when {@code Workflow.getInfo().isContinueAsNewSuggested()} says so, and greets
 * everyone once a minute passes without a signal. Same results: each bucket greets exactly its own
 * robots, once each.
 */
class HelloAccumulatorTest {
  static final Duration MAX_AWAIT_TIME = Duration.ofMinutes(1);

  public record Greeting(String greetingText, String bucket, String greetingKey) {}

  @WorkflowInterface
  public interface AccumulatorWorkflow {
    @WorkflowMethod
    String accumulateGreetings(String bucketKey, List<Greeting> greetings, Set<String> allKeys);

    @SignalMethod
    void sendGreeting(Greeting greeting);

    @SignalMethod
    void exit();
  }

  @ActivityInterface
  public interface GreetingActivities {
    String composeGreeting(List<Greeting> greetings);
  }

  static class GreetingActivitiesImpl implements GreetingActivities {
    @Override
    public String composeGreeting(List<Greeting> greetings) {
      List<String> texts = greetings.stream().map(Greeting::greetingText).toList();
      return "Hello (" + texts.size() + ") robots: " + texts + "!";
    }
  }

  public static class AccumulatorWorkflowImpl implements AccumulatorWorkflow {
    private static final Logger logger = Workflow.getLogger(AccumulatorWorkflowImpl.class);
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build());
    private final ArrayDeque<Greeting> unprocessed = new ArrayDeque<>();
    private String bucketKey;
    private List<Greeting> greetings;
    private Set<String> allKeys;
    private boolean exitRequested;

    @Override
    public String accumulateGreetings(String bucket, List<Greeting> carried, Set<String> keys) {
      bucketKey = bucket;
      greetings = new ArrayList<>(carried);
      allKeys = new HashSet<>(keys);
      do {
        Workflow.await(MAX_AWAIT_TIME, () -> !unprocessed.isEmpty() || exitRequested);
        if (!unprocessed.isEmpty()) {
          process(unprocessed.removeFirst());
        } else {
          String everyone = activities.composeGreeting(greetings);
          if (unprocessed.isEmpty()) {
            return everyone;
          }
          logger.info("greetings arrived while greeting everyone; looping");
        }
      } while (!unprocessed.isEmpty() || !Workflow.getInfo().isContinueAsNewSuggested());
      Workflow.newContinueAsNewStub(AccumulatorWorkflow.class)
          .accumulateGreetings(bucketKey, greetings, allKeys);
      return "continued as new; results passed to the next run";
    }

    private void process(Greeting greeting) {
      if (!greeting.bucket().equals(bucketKey)) {
        logger.warn("wrong bucket: {}", greeting);
        return;
      }
      if (!allKeys.add(greeting.greetingKey())) {
        logger.info("duplicate greeting: {}", greeting.greetingKey());
        return;
      }
      greetings.add(greeting);
    }

    @Override
    public void sendGreeting(Greeting greeting) {
      unprocessed.add(greeting);
    }

    @Override
    public void exit() {
      exitRequested = true;
    }
  }

  @Test
  void eachBucketGreetsItsOwnRobotsOnce() {
    String[] buckets = {"red", "blue", "green", "yellow"};
    String[] names = {"Genghis Khan", "Missy", "Bill", "Ted", "Rufus", "Abe"};
    try (SampleEnvironment sample = new SampleEnvironment("HelloAccumulatorTaskQueue")) {
      sample.worker.registerWorkflow(AccumulatorWorkflow.class, AccumulatorWorkflowImpl::new);
      sample.worker.registerActivities(new GreetingActivitiesImpl());
      sample.start();

      for (int i = 0; i < 20; i++) {
        String bucket = buckets[i % buckets.length];
        Greeting greeting = new Greeting(names[i % names.length] + " Robot", bucket, "key-" + i);
        signalWithStart(sample, bucket, greeting);
      }
      signalWithStart(sample, "red", new Greeting("Genghis Khan Robot", "red", "key-0"));
      signalWithStart(sample, "red", new Greeting("Stray Robot", "blue", "key-99"));

      assertThat(result(sample, "red"))
          .isEqualTo(
              "Hello (5) robots: [Genghis Khan Robot, Rufus Robot, Bill Robot, Genghis Khan Robot,"
                  + " Rufus Robot]!");
      assertThat(result(sample, "blue"))
          .isEqualTo(
              "Hello (5) robots: [Missy Robot, Abe Robot, Ted Robot, Missy Robot, Abe Robot]!");
      assertThat(result(sample, "green")).startsWith("Hello (5) robots: ");
      assertThat(result(sample, "yellow")).startsWith("Hello (5) robots: ");
    }
  }

  private static void signalWithStart(SampleEnvironment sample, String bucket, Greeting greeting) {
    AccumulatorWorkflow workflow =
        sample.newWorkflow(AccumulatorWorkflow.class, "HelloAccumulatorWorkflow-" + bucket);
    sample
        .client()
        .signalWithStart(
            () -> workflow.accumulateGreetings(bucket, List.of(), Set.of()),
            () -> workflow.sendGreeting(greeting));
  }

  private static String result(SampleEnvironment sample, String bucket) {
    return sample.client().getHandle("HelloAccumulatorWorkflow-" + bucket).getResult(String.class);
  }
}
