package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.testing.Greetings.GreetingActivities;
import dev.weft.testing.Greetings.GreetingWorkflow;
import dev.weft.testing.Greetings.RecordingGreetings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Bad registrations and ambiguous activity parameters are refused with what is wrong named. */
class WeftExtensionBuilderTest {

  /** A workflow implementation without a no-argument constructor. */
  public static class NeedsArguments implements GreetingWorkflow {
    public NeedsArguments(String greeting) {}

    @Override
    public String greet(String name) {
      return name;
    }
  }

  @Test
  void anImplementationTypeWithoutANoArgumentConstructorIsRefused() {
    assertThatThrownBy(
            () ->
                WeftExtension.newBuilder()
                    .registerWorkflowImplementationTypes(NeedsArguments.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(NeedsArguments.class.getName())
        .hasMessageContaining("no public no-argument constructor");
  }

  @Test
  void aClassWithoutAWorkflowInterfaceIsRefused() {
    assertThatThrownBy(
            () ->
                WeftExtension.newBuilder()
                    .registerWorkflowImplementationTypes(RecordingGreetings.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("implements no interface annotated @WorkflowInterface");
  }

  @Test
  void anInterfaceIsRefusedAsAnImplementationType() {
    assertThatThrownBy(
            () ->
                WeftExtension.newBuilder()
                    .registerWorkflowImplementationTypes(GreetingWorkflow.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abstract or an interface");
  }

  @Test
  void aBlankTaskQueueIsRefused() {
    assertThatThrownBy(() -> WeftExtension.newBuilder().setTaskQueue(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task queue");
  }

  @Test
  void aParameterTypeThatTwoActivityObjectsFitIsAmbiguous() {
    TestResources test =
        new TestResources(
            null, "q", Map.of(), List.of(new RecordingGreetings(), new RecordingGreetings()));
    assertThat(InjectedParameters.supports(GreetingActivities.class, test)).isTrue();
    assertThatThrownBy(() -> InjectedParameters.resolve(GreetingActivities.class, test))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("fits 2 registered activity objects")
        .hasMessageContaining(RecordingGreetings.class.getName());
  }

  @Test
  void aTypeNothingFitsIsNotSupported() {
    TestResources test = new TestResources(null, "q", Map.of(), List.of(new RecordingGreetings()));
    assertThat(InjectedParameters.supports(String.class, test)).isFalse();
  }
}
