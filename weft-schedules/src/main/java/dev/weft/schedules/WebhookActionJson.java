package dev.weft.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON form of a {@link WebhookAction}, as the webhooks store extension keeps it: the app
 * writes it when it registers its hooks, the HTTP server reads it to serve a delivery.
 */
public final class WebhookActionJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookActionJson() {}

  /** Writes {@code action} as JSON. */
  public static String write(WebhookAction action) {
    try {
      return JSON.writeValueAsString(action);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write webhook action " + action, e);
    }
  }

  /**
   * Reads an action {@link #write} wrote.
   *
   * @throws IllegalArgumentException naming the text if it is not such an action
   */
  public static WebhookAction read(String json) {
    try {
      return JSON.readValue(json, WebhookAction.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "stored webhook action is not valid: " + e.getOriginalMessage() + " in " + json, e);
    }
  }
}
