package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.ExamplesApp;
import dev.weft.examples.greeting.GreetingWorkflow;
import dev.weft.schedules.WebhookActionJson;
import dev.weft.schedules.WebhookDefinition;
import dev.weft.schedules.WebhookDeliveries;
import dev.weft.schedules.Webhooks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code weft hook list|describe} against a real server whose app defines two webhooks. */
class HookCommandTest {
  private static final WebhookDefinition GREET =
      WebhookDefinition.named("greet")
          .secretEnv("GREET_HOOK_SECRET")
          .startWorkflow("GreetingWorkflow", GreetingWorkflow.TASK_QUEUE)
          .args("/name", "/language")
          .build();

  @RegisterExtension
  static final ApiServerExtension server =
      ApiServerExtension.serving(
          (WeftEngine engine) -> {
            new ExamplesApp().register(engine);
            Webhooks.builder(engine)
                .source("cli-tests")
                .hook(GREET)
                .hook(
                    WebhookDefinition.named("approve")
                        .secretEnv("APPROVE_HOOK_SECRET")
                        .signal("approve")
                        .workflowIdFrom("/approval/workflowId")
                        .build())
                .build();
          });

  private static CliRun hook(String... args) {
    return server.run("hook", args);
  }

  @Test
  void listsTheHooksWithTheirSecretsVariableAsATableAndAsJson() {
    CliRun table = hook("list");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out().lines().findFirst().orElseThrow())
        .startsWith("HOOK")
        .contains("SECRET VARIABLE");
    assertThat(table.out().lines().skip(1))
        .satisfiesExactly(
            l -> assertThat(l).startsWith("approve").contains("signal", "APPROVE_HOOK_SECRET"),
            l -> assertThat(l).startsWith("greet").contains("start", "GREET_HOOK_SECRET"));

    CliRun json = hook("list", "--output", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode hooks = JsonValues.parseOne("json", json.out()).path("hooks");
    assertThat(hooks.findValuesAsText("name")).containsExactly("approve", "greet");
    assertThat(hooks.get(1).path("action").path("workflowType").asText())
        .isEqualTo("GreetingWorkflow");
  }

  @Test
  void describesAHookWithItsRecentDeliveries() throws Exception {
    new WebhookDeliveries(server.engine().client())
        .deliver(
            "greet",
            WebhookActionJson.read(WebhookActionJson.write(GREET.action())),
            "cli-1",
            new ObjectMapper().readTree("{\"name\":\"Ada\",\"language\":\"en\"}"),
            Instant.now());

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> hook("describe", "greet").out().contains("COMPLETED"));
    CliRun described = hook("describe", "greet");
    assertThat(described.exit()).as(described.err()).isZero();
    assertThat(described.out())
        .contains("Secret variable: GREET_HOOK_SECRET")
        .contains("Defined by:      cli-tests")
        .contains("__weft_hook:greet:cli-1");

    CliRun json = hook("describe", "greet", "--output", "json");
    JsonNode recent = JsonValues.parseOne("json", json.out()).path("recentDeliveries");
    assertThat(recent.get(0).path("deliveryId").asText()).isEqualTo("__weft_hook:greet:cli-1");
  }

  @Test
  void anUnknownHookIsRefusedAndNoNameIsBadUsage() {
    CliRun unknown = hook("describe", "nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("nope");
    assertThat(hook("describe").exit()).isEqualTo(2);
    assertThat(run("hook").exit()).isEqualTo(2);
  }
}
