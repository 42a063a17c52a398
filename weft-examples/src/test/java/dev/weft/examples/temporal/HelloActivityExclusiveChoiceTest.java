package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloActivityExclusiveChoice}: plain Java control flow (a {@code switch}
 * over the input) picks which activity runs. Same results: one order line per fruit in the basket.
 */
class HelloActivityExclusiveChoiceTest {
  enum Fruit {
    APPLE,
    BANANA,
    CHERRY,
    ORANGE
  }

  @WorkflowInterface
  public interface PurchaseFruitsWorkflow {
    @WorkflowMethod
    List<String> orderFruit(Map<Fruit, Integer> basket);
  }

  @ActivityInterface
  public interface OrderFruitsActivities {
    String orderApples(int amount);

    String orderBananas(int amount);

    String orderCherries(int amount);

    String orderOranges(int amount);
  }

  public static class PurchaseFruitsWorkflowImpl implements PurchaseFruitsWorkflow {
    private final OrderFruitsActivities activities =
        Workflow.newActivityStub(
            OrderFruitsActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build());

    @Override
    public List<String> orderFruit(Map<Fruit, Integer> basket) {
      return basket.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(
              item ->
                  switch (item.getKey()) {
                    case APPLE -> activities.orderApples(item.getValue());
                    case BANANA -> activities.orderBananas(item.getValue());
                    case CHERRY -> activities.orderCherries(item.getValue());
                    case ORANGE -> activities.orderOranges(item.getValue());
                  })
          .toList();
    }
  }

  static class OrderFruitsActivitiesImpl implements OrderFruitsActivities {
    @Override
    public String orderApples(int amount) {
      return "Ordered " + amount + " Apples...";
    }

    @Override
    public String orderBananas(int amount) {
      return "Ordered " + amount + " Bananas...";
    }

    @Override
    public String orderCherries(int amount) {
      return "Ordered " + amount + " Cherries...";
    }

    @Override
    public String orderOranges(int amount) {
      return "Ordered " + amount + " Oranges...";
    }
  }

  @Test
  void eachFruitPicksItsActivity() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloActivityChoiceTaskQueue")) {
      sample.worker.registerWorkflow(PurchaseFruitsWorkflow.class, PurchaseFruitsWorkflowImpl::new);
      sample.worker.registerActivities(new OrderFruitsActivitiesImpl());
      sample.start();

      PurchaseFruitsWorkflow workflow =
          sample.newWorkflow(PurchaseFruitsWorkflow.class, "HelloActivityChoiceWorkflow");

      assertThat(
              workflow.orderFruit(
                  Map.of(Fruit.APPLE, 8, Fruit.BANANA, 5, Fruit.CHERRY, 1, Fruit.ORANGE, 4)))
          .containsExactly(
              "Ordered 8 Apples...",
              "Ordered 5 Bananas...",
              "Ordered 1 Cherries...",
              "Ordered 4 Oranges...");
    }
  }
}
