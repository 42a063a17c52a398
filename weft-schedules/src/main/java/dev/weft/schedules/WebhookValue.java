package dev.weft.schedules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.POJONode;

/**
 * One value of a webhook's action: read from the request's JSON body at a JSON pointer (RFC 6901,
 * {@code /order/id}), or a constant. Exactly one of the two is set.
 *
 * @param pointer the JSON pointer into the body, or null for a constant
 * @param constant the constant value, or null when read from the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookValue(String pointer, JsonNode constant) {

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

  /** A constant: text, a number, a boolean, or a {@link JsonNode}. */
  public static WebhookValue constant(Object value) {
    JsonNode node =
        value instanceof JsonNode json
            ? json
            : value instanceof String s
                ? JsonNodeFactory.instance.textNode(s)
                : value instanceof Integer i
                    ? JsonNodeFactory.instance.numberNode(i)
                    : value instanceof Long l
                        ? JsonNodeFactory.instance.numberNode(l)
                        : value instanceof Boolean b
                            ? JsonNodeFactory.instance.booleanNode(b)
                            : value == null
                                ? JsonNodeFactory.instance.nullNode()
                                : new POJONode(value);
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
