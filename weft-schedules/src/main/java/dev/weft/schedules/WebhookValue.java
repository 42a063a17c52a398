package dev.weft.schedules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One value of a webhook's action: read from the request's JSON body at a JSON pointer (RFC 6901,
 * {@code /order/id}), or a constant. Exactly one of the two is set.
 *
 * @param pointer the JSON pointer into the body, or null for a constant
 * @param constant the constant value, or null when read from the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookValue(String pointer, JsonNode constant) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Validates the value.
   *
   * @throws IllegalArgumentException if both or neither are set, or the pointer does not start with
   *     {@code /}
   */
  @JsonCreator
  public WebhookValue(
      @JsonProperty("pointer") String pointer, @JsonProperty("constant") JsonNode constant) {
    if ((pointer == null) == (constant == null)) {
      throw new IllegalArgumentException(
          "a webhook value is either a JSON pointer or a constant, got pointer="
              + pointer
              + " constant="
              + constant);
    }
    if (pointer != null && !pointer.startsWith("/")) {
      throw new IllegalArgumentException(
          "JSON pointer '" + pointer + "' must start with '/' (RFC 6901), e.g. /order/id");
    }
    this.pointer = pointer;
    this.constant = constant;
  }

  /** The value at {@code pointer} in the request's body. */
  public static WebhookValue from(String pointer) {
    return new WebhookValue(pointer, null);
  }

  /**
   * A constant: any value Jackson writes as JSON (text, a number, a boolean, a record, a {@link
   * JsonNode}); null is JSON null.
   */
  public static WebhookValue constant(Object value) {
    JsonNode node = value == null ? NullNode.getInstance() : JSON.valueToTree(value);
    return new WebhookValue(null, node);
  }

  /**
   * Reads the value from {@code body}.
   *
   * @throws WebhookMappingException naming the pointer if the body has nothing there
   */
  public JsonNode read(JsonNode body) {
    if (constant != null) {
      return constant;
    }
    JsonNode found = body.at(pointer);
    if (found.isMissingNode()) {
      throw new WebhookMappingException(
          pointer, "the body has no value at JSON pointer " + pointer);
    }
    return found;
  }

  /**
   * Reads the value from {@code body} as text (a workflow ID, a partition key).
   *
   * @throws WebhookMappingException naming the pointer if the body has nothing there or something
   *     other than text or a number
   */
  public String readText(JsonNode body) {
    JsonNode value = read(body);
    if (!value.isTextual() && !value.isNumber()) {
      throw new WebhookMappingException(
          pointer,
          "the value at JSON pointer "
              + pointer
              + " is "
              + value.getNodeType()
              + ", expected text");
    }
    return value.asText();
  }
}
