package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInit;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloSignalWithStartAndWorkflowInit}: the handler of a signal sent with
 * signal-with-start runs before the workflow method, so state it uses must be set up in a
 * {@code @WorkflowInit} constructor, which gets the workflow's arguments and runs before both. Same
 * results: with the constructor both people are greeted, the signalled one first; without it the
 * handler hits a null list. The Temporal sample makes that {@code NullPointerException} fail the
 * run ({@code setFailWorkflowExceptionTypes}); in Weft it fails the workflow task, which is retried
 * and shown in the run's description, as in Temporal without that option.
 */
class HelloSignalWithStartAndWorkflowInitTest {
  /** The shared shape; each interface below is its own workflow type. */
  public interface MyWorkflow {
    @WorkflowMethod
    String greet(Person person);

    @SignalMethod
    void addGreeting(Person person);
  }

  @WorkflowInterface
  public interface MyWorkflowWithInit extends MyWorkflow {}

  @WorkflowInterface
  public interface MyWorkflowNoInit extends MyWorkflow {}

  public record Person(String firstName, String lastName, int age) {}

  @ActivityInterface
  public interface MyGreetingActivities {
    String greet(Person person);
  }

  static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build();

  public static class WithInitMyWorkflowImpl implements MyWorkflowWithInit {
    private final List<Person> peopleToGreet;
    private final MyGreetingActivities activities =
        Workflow.newActivityStub(MyGreetingActivities.class, OPTIONS);

    @WorkflowInit
    public WithInitMyWorkflowImpl(Person person) {
      peopleToGreet = new ArrayList<>();
    }

    @Override
    public String greet(Person person) {
      peopleToGreet.add(person);
      List<String> greetings = new ArrayList<>();
      while (!peopleToGreet.isEmpty()) {
        greetings.add(activities.greet(peopleToGreet.remove(0)));
      }
      return String.join(",", greetings);
    }

    @Override
    public void addGreeting(Person person) {
      peopleToGreet.add(person);
    }
  }

  public static class WithoutInitMyWorkflowImpl implements MyWorkflowNoInit {
    private List<Person> peopleToGreet; // left null on purpose: the handler runs first
    private final MyGreetingActivities activities =
        Workflow.newActivityStub(MyGreetingActivities.class, OPTIONS);

    @Override
    public String greet(Person person) {
      peopleToGreet.add(person);
      List<String> greetings = new ArrayList<>();
      while (!peopleToGreet.isEmpty()) {
        greetings.add(activities.greet(peopleToGreet.remove(0)));
      }
      return String.join(",", greetings);
    }

    @Override
    public void addGreeting(Person person) {
      peopleToGreet.add(person);
    }
  }

  static class MyGreetingActivitiesImpl implements MyGreetingActivities {
    @Override
    public String greet(Person person) {
      return "Hello " + person.firstName() + " " + person.lastName();
    }
  }

  @Test
  void theInitConstructorRunsBeforeTheSignalHandler() {
    Person jordan = new Person("Michael", "Jordan", 55);
    Person stockton = new Person("John", "Stockton", 57);
    try (SampleEnvironment sample = new SampleEnvironment("HelloWithInitTaskQueue")) {
      sample.worker.registerWorkflowImplementationTypes(
          WithInitMyWorkflowImpl.class, WithoutInitMyWorkflowImpl.class);
      sample.worker.registerActivities(new MyGreetingActivitiesImpl());
      sample.start();

      MyWorkflowWithInit withInit = sample.newWorkflow(MyWorkflowWithInit.class, "with-init");
      WorkflowHandle<String> greeted =
          sample
              .client()
              .signalWithStart(() -> withInit.greet(stockton), () -> withInit.addGreeting(jordan));
      assertThat(greeted.getResult()).isEqualTo("Hello Michael Jordan,Hello John Stockton");

      MyWorkflowNoInit noInit = sample.newWorkflow(MyWorkflowNoInit.class, "without-init");
      WorkflowHandle<String> failing =
          sample
              .client()
              .signalWithStart(() -> noInit.greet(stockton), () -> noInit.addGreeting(jordan));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(failing.describe().workflowTaskFailure())
                      .contains("NullPointerException"));
    }
  }
}
