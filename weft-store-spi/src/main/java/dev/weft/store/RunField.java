package dev.weft.store;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A field a {@link RunFilter} tests or a {@link RunOrder} sorts by: a built-in property of every
 * run, or a search attribute of a given type.
 */
public sealed interface RunField permits RunField.BuiltIn, RunField.Attribute {

  /** Returns the name queries use for the field ({@code WorkflowType}, {@code CustomerId}). */
  String fieldName();

  /**
   * Returns the Java type of the field's values in filters: {@link String}, {@link Long}, {@link
   * Double}, {@link Boolean}, {@link Instant}, or {@link WorkflowStatus} for {@code
   * ExecutionStatus}.
   */
  Class<?> valueClass();

  /** Returns a search attribute field. */
  static Attribute attribute(String name, SearchAttributeType type) {
    return new Attribute(name, type);
  }

  /** The properties every run has. Their names are reserved: no search attribute may use them. */
  enum BuiltIn implements RunField {
    /** The workflow ID (a string). */
    WORKFLOW_ID("WorkflowId", String.class),
    /** The run ID (a string). */
    RUN_ID("RunId", String.class),
    /** The workflow type name (a string). */
    WORKFLOW_TYPE("WorkflowType", String.class),
    /** The task queue (a string). */
    TASK_QUEUE("TaskQueue", String.class),
    /** The run's status (a {@link WorkflowStatus}); queries may also call it {@code Status}. */
    EXECUTION_STATUS("ExecutionStatus", WorkflowStatus.class),
    /** When the run started (an {@link Instant}). */
    START_TIME("StartTime", Instant.class),
    /** When the run closed (an {@link Instant}); null while it runs. */
    CLOSE_TIME("CloseTime", Instant.class),
    /**
     * Whether the run is paused (a {@link Boolean}): {@code Paused = true} lists the runs whose
     * dispatch a pause holds.
     */
    PAUSED("Paused", Boolean.class);

    private final String fieldName;
    private final Class<?> valueClass;

    BuiltIn(String fieldName, Class<?> valueClass) {
      this.fieldName = fieldName;
      this.valueClass = valueClass;
    }

    @Override
    public String fieldName() {
      return fieldName;
    }

    @Override
    public Class<?> valueClass() {
      return valueClass;
    }

    /**
     * Returns the built-in field with this name, ignoring case; {@code Status} is an alias of
     * {@code ExecutionStatus}.
     */
    public static Optional<BuiltIn> find(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("status")) {
        return Optional.of(EXECUTION_STATUS);
      }
      for (BuiltIn field : values()) {
        if (field.fieldName.toLowerCase(Locale.ROOT).equals(lower)) {
          return Optional.of(field);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A search attribute. A filter on it only sees values stored with the same type: a run whose
   * attribute of this name has another type is treated as not having it.
   *
   * @param name the attribute's name
   * @param type the attribute's type
   */
  record Attribute(String name, SearchAttributeType type) implements RunField {
    /** Validates the name (see {@link #checkName}). */
    public Attribute {
      checkName(name);
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String fieldName() {
      return name;
    }

    /** The class of a filter value: one keyword for KEYWORD_LIST (a list contains it). */
    @Override
    public Class<?> valueClass() {
      return type == SearchAttributeType.KEYWORD_LIST ? String.class : type.javaType();
    }

    /**
     * Checks a search attribute name: not blank, no backquote, and not a built-in field's name (in
     * any case, {@code Status} included).
     *
     * @throws IllegalArgumentException if the name is not allowed
     */
    public static void checkName(String name) {
      Objects.requireNonNull(name, "search attribute name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a search attribute name cannot be blank");
      }
      if (name.indexOf('`') >= 0) {
        throw new IllegalArgumentException(
            "search attribute name '" + name + "' contains a backquote");
      }
      if (BuiltIn.find(name).isPresent()) {
        throw new IllegalArgumentException(
            "'" + name + "' is a built-in field, not allowed as a search attribute name");
      }
    }
  }
}
