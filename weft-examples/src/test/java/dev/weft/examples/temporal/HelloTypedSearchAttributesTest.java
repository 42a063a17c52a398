package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.SearchAttributeKey;
import dev.weft.common.SearchAttributeType;
import dev.weft.common.SearchAttributes;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloTypedSearchAttributes}: typed keys ({@code SearchAttributeKey}) set
 * at start through {@code SearchAttributes}, read with {@code Workflow.getTypedSearchAttributes()},
 * changed and unset without nulls with {@code upsertTypedSearchAttributes(key.valueSet(v),
 * key.valueUnset())}, a keyword list among them. Same result: "Hello TypedSearchAttributes how are
 * you doing?"; the keyword list is searchable by any of its values.
 */
class HelloTypedSearchAttributesTest {
  static final SearchAttributeKey<String> CUSTOM_KEYWORD_SA =
      SearchAttributeKey.forKeyword("CustomKeywordField");
  static final SearchAttributeKey<List<String>> CUSTOM_KEYWORD_LIST_SA =
      SearchAttributeKey.forKeywordList("CustomKeywordListField");
  static final SearchAttributeKey<Long> CUSTOM_LONG_SA =
      SearchAttributeKey.forLong("CustomIntField");
  static final SearchAttributeKey<Double> CUSTOM_DOUBLE_SA =
      SearchAttributeKey.forDouble("CustomDoubleField");
  static final SearchAttributeKey<Boolean> CUSTOM_BOOL_SA =
      SearchAttributeKey.forBoolean("CustomBoolField");
  static final SearchAttributeKey<OffsetDateTime> CUSTOM_OFFSET_DATE_TIME_SA =
      SearchAttributeKey.forOffsetDateTime("CustomDatetimeField");
  static final SearchAttributeKey<String> CUSTOM_STRING_SA =
      SearchAttributeKey.forText("CustomStringField");

  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @ActivityInterface
  public interface GreetingActivities {
    String composeGreeting(String greeting, List<String> salutations, String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build());

    @Override
    public String getGreeting(String name) {
      Workflow.upsertTypedSearchAttributes(
          CUSTOM_LONG_SA.valueUnset(), CUSTOM_KEYWORD_SA.valueSet("Hello"));
      SearchAttributes searchAttributes = Workflow.getTypedSearchAttributes();
      String greeting = searchAttributes.get(CUSTOM_KEYWORD_SA);
      List<String> salutations = searchAttributes.get(CUSTOM_KEYWORD_LIST_SA);
      return activities.composeGreeting(greeting, salutations, name);
    }
  }

  static class GreetingActivitiesImpl implements GreetingActivities {
    @Override
    public String composeGreeting(String greeting, List<String> salutations, String name) {
      StringJoiner joiner = new StringJoiner(" ");
      joiner.add(greeting);
      joiner.add(name);
      salutations.forEach(joiner::add);
      return joiner.toString();
    }
  }

  @Test
  void typedAttributesAreSetReadUpsertedAndUnset() {
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .engine(
                    b ->
                        b.registerSearchAttribute("CustomKeywordField", SearchAttributeType.KEYWORD)
                            .registerSearchAttribute(
                                "CustomKeywordListField", SearchAttributeType.KEYWORD_LIST)
                            .registerSearchAttribute("CustomIntField", SearchAttributeType.INT)
                            .registerSearchAttribute(
                                "CustomDoubleField", SearchAttributeType.DOUBLE)
                            .registerSearchAttribute("CustomBoolField", SearchAttributeType.BOOL)
                            .registerSearchAttribute(
                                "CustomDatetimeField", SearchAttributeType.DATETIME)
                            .registerSearchAttribute(
                                "CustomStringField", SearchAttributeType.TEXT)))) {
      env.newWorker("HelloTypedSearchAttributesTaskQueue")
          .registerWorkflowImplementationTypes(GreetingWorkflowImpl.class)
          .registerActivities(new GreetingActivitiesImpl());
      env.start();

      GreetingWorkflow workflow =
          env.client()
              .newWorkflowStub(
                  GreetingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("HelloTypedSearchAttributesWorkflow")
                      .taskQueue("HelloTypedSearchAttributesTaskQueue")
                      .typedSearchAttributes(
                          SearchAttributes.newBuilder()
                              .set(CUSTOM_KEYWORD_SA, "keyword")
                              .set(CUSTOM_KEYWORD_LIST_SA, List.of("how", "are", "you", "doing?"))
                              .set(CUSTOM_LONG_SA, 1L)
                              .set(CUSTOM_DOUBLE_SA, 0.1)
                              .set(CUSTOM_BOOL_SA, true)
                              .set(CUSTOM_OFFSET_DATE_TIME_SA, OffsetDateTime.now(ZoneOffset.UTC))
                              .set(CUSTOM_STRING_SA, "String field is for text.")
                              .build())
                      .build());

      assertThat(workflow.getGreeting("TypedSearchAttributes"))
          .isEqualTo("Hello TypedSearchAttributes how are you doing?");
      var attributes =
          env.client()
              .getHandle("HelloTypedSearchAttributesWorkflow")
              .describe()
              .searchAttributes();
      assertThat(attributes).containsEntry("CustomKeywordField", "Hello");
      assertThat(attributes).doesNotContainKey("CustomIntField");
      assertThat(
              env.client().countWorkflows(WorkflowFilter.query("CustomKeywordListField = 'you'")))
          .isEqualTo(1);
    }
  }
}
