package dev.weft.schedules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A webhook: {@code POST /api/v1/hooks/{name}} with a body signed by a secret runs {@link #action}
 * over the body. The secret is named, never given: {@link #secretEnv} is the environment variable
 * that holds it on the node that serves the request, so the store never sees it.
 *
 * <pre>{@code
 * WebhookDefinition approve =
 *     WebhookDefinition.named("approve")
 *         .secretEnv("APPROVE_HOOK_SECRET")
 *         .signal("approved")
 *         .workflowIdFrom("/approval/workflowId")
 *         .args("/approval/by")
 *         .build();
 * }</pre>
 *
 * @param name the hook's name: lower-case letters, digits, {@code _} and {@code -}
 * @param secretEnv the name of the environment variable holding the signing secret
 * @param action what a delivery does
 */
public record WebhookDefinition(String name, String secretEnv, WebhookAction action) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,100}");
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Validates the definition.
   *
   * @throws IllegalArgumentException naming the field, its value and what was expected
   */
  public WebhookDefinition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "webhook name '"
              + name
              + "' is invalid: expected 1 to 100 lower-case letters, digits, '_' or '-'");
    }
    if (secretEnv == null || !ENV.matcher(secretEnv).matches()) {
      throw new IllegalArgumentException(
          "webhook "
              + name
              + ": secretEnv '"
              + secretEnv
              + "' is not an environment variable name (letters, digits and '_', not starting"
              + " with a digit)");
    }
    Objects.requireNonNull(action, () -> "webhook " + name + " has no action");
  }

  /** Starts the definition of the hook {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Builds a {@link WebhookDefinition}: the secret's variable, one action, its values. */
  public static final class Builder {
    private final String name;
    private String secretEnv;
    private String kind;
    private String workflowType;
    private String taskQueue;
    private String signalName;
    private WebhookValue workflowId;
    private String selection;
    private WebhookValue partitionKey;
    private final List<WebhookValue> args = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Names the environment variable that holds the signing secret. */
    public Builder secretEnv(String variable) {
      this.secretEnv = variable;
      return this;
    }

    /** The action starts a workflow of {@code workflowType} on {@code taskQueue}. */
    public Builder startWorkflow(String workflowType, String taskQueue) {
      kind("start");
      this.workflowType = workflowType;
      this.taskQueue = taskQueue;
      return this;
    }

    /** The action signals a workflow with {@code signalName} (target: {@link #workflowIdFrom}). */
    public Builder signal(String signalName) {
      kind("signal");
      this.signalName = signalName;
      return this;
    }

    /** The signalled workflow's ID is read from the body at {@code pointer}. */
    public Builder workflowIdFrom(String pointer) {
      this.workflowId = WebhookValue.from(pointer);
      return this;
    }

    /** The signalled workflow's ID is {@code workflowId}. */
    public Builder workflowId(String workflowId) {
      this.workflowId = WebhookValue.constant(workflowId);
      return this;
    }

    /** The action materializes {@code selection} ({@code AssetSelection} syntax). */
    public Builder materialize(String selection) {
      kind("materialize");
      this.selection = selection;
      return this;
    }

    /** The materialized partition's key is read from the body at {@code pointer}. */
    public Builder partitionKeyFrom(String pointer) {
      this.partitionKey = WebhookValue.from(pointer);
      return this;
    }

    /** Appends arguments read from the body at these JSON pointers. */
    public Builder args(String... pointers) {
      for (String pointer : pointers) {
        args.add(WebhookValue.from(pointer));
      }
      return this;
    }

    /** Appends one argument (a pointer or a constant). */
    public Builder arg(WebhookValue value) {
      args.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Returns the definition.
     *
     * @throws IllegalArgumentException naming what is missing or invalid
     */
    public WebhookDefinition build() {
      if (kind == null) {
        throw new IllegalArgumentException(
            "webhook " + name + " has no action: call startWorkflow, signal or materialize");
      }
      WebhookAction action =
          switch (kind) {
            case "start" -> new WebhookAction.StartWorkflow(workflowType, taskQueue, args);
            case "signal" -> {
              if (workflowId == null) {
                throw new IllegalArgumentException(
                    "webhook " + name + " signals no workflow: call workflowIdFrom or workflowId");
              }
              yield new WebhookAction.SignalWorkflow(workflowId, signalName, args);
            }
            default -> {
              if (!args.isEmpty()) {
                throw new IllegalArgumentException(
                    "webhook " + name + " materializes, which takes no arguments: " + args);
              }
              yield new WebhookAction.Materialize(selection, partitionKey);
            }
          };
      return new WebhookDefinition(name, secretEnv, action);
    }

    private void kind(String chosen) {
      if (kind != null) {
        throw new IllegalStateException(
            "webhook " + name + " has an action (" + kind + ") already; a hook has one action");
      }
      kind = chosen;
    }
  }
}
