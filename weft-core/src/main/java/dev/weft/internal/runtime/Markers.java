package dev.weft.internal.runtime;

import dev.weft.common.SearchAttributeKey;
import dev.weft.common.SearchAttributeUpdate;
import dev.weft.failure.UnsupportedVersionException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.MarkerRecorded;
import dev.weft.history.HistoryEvent;
import dev.weft.history.IndexedValue;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.workflow.WorkflowInfo;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the code records so that replay gives it the same answer: side effects and version decisions
 * (marker commands), and the run's search attributes (upsert commands). Nothing here waits for an
 * inbound event.
 */
final class Markers {
  /** The version {@code getVersion} returns for code that ran before the change was made. */
  static final int DEFAULT_VERSION = -1;

  private final WorkflowInfo info;
  private final CurrentTask task;
  private final PayloadConverter payloads;
  private final SearchAttributeIndexer indexer;
  private final Map<String, Integer> versions = new HashMap<>();
  private final Map<String, IndexedValue> searchAttributes = new TreeMap<>();

  Markers(
      WorkflowInfo info,
      CurrentTask task,
      PayloadConverter payloads,
      SearchAttributeIndexer indexer) {
    this.info = info;
    this.task = task;
    this.payloads = payloads;
    this.indexer = indexer;
  }

  /** Runs {@code fn} once and records its value; replay returns the recorded value. */
  @SuppressWarnings("unchecked")
  <R> R sideEffect(Type type, Supplier<R> fn) {
    long seq = task.nextSeq();
    if (task.isReplaying()) {
      HistoryEvent recorded = task.command(new MarkerRecorded(seq, "SideEffect", "", null));
      return (R) payloads.decode(((MarkerRecorded) recorded.attributes()).value(), type);
    }
    R value = fn.get();
    task.command(
        new MarkerRecorded(seq, "SideEffect", "", payloads.encode(value, "side effect value")));
    return value;
  }

  /**
   * Returns the version of a change: recorded the first time live code asks ({@code maxSupported});
   * on replay the recorded one, or {@link #DEFAULT_VERSION} if the code did not ask here when it
   * first ran.
   *
   * @throws UnsupportedVersionException if the version is outside {@code [min, max]}
   */
  int getVersion(String changeId, int minSupported, int maxSupported) {
    Integer version = versions.get(changeId);
    if (version == null) {
      if (task.isReplaying()) {
        HistoryEvent recorded;
        try {
          recorded = task.replay().matchVersion(changeId);
        } catch (RuntimeException e) {
          task.abort(e);
          throw DestroyWorkflowThreadError.INSTANCE;
        }
        version =
            recorded == null
                ? DEFAULT_VERSION
                : (Integer)
                    payloads.decode(
                        ((MarkerRecorded) recorded.attributes()).value(), Integer.class);
      } else {
        version = maxSupported;
        task.command(
            new MarkerRecorded(
                0,
                Commands.VERSION_MARKER,
                changeId,
                payloads.encode(maxSupported, "version of '" + changeId + "'")));
      }
      versions.put(changeId, version);
    }
    if (version < minSupported || version > maxSupported) {
      throw new UnsupportedVersionException(
          info.workflowId(), changeId, version, minSupported, maxSupported);
    }
    return version;
  }

  /** Sets the attributes the run started with. */
  void startWith(Map<String, IndexedValue> attributes) {
    searchAttributes.putAll(attributes);
  }

  /** Records changed attributes ({@code null} values and empty lists remove theirs). */
  void upsertSearchAttributes(Map<String, ?> changes) {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException(
          "Workflow.upsertSearchAttributes needs at least one entry");
    }
    Map<String, Object> values = new TreeMap<>();
    List<String> removed = new ArrayList<>();
    changes.forEach(
        (name, value) -> {
          if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            removed.add(name);
          } else {
            values.put(name, value);
          }
        });
    String where = "Workflow.upsertSearchAttributes of workflow '" + info.workflowType() + "'";
    Map<String, IndexedValue> indexed = indexer.index(values, where);
    indexer.checkRemovable(removed, where);
    task.command(new EventAttributes.SearchAttributesUpserted(indexed, removed));
    searchAttributes.putAll(indexed);
    removed.forEach(searchAttributes::remove);
  }

  /**
   * Records typed changes: each key's type must be the one its attribute is registered with; then
   * like {@link #upsertSearchAttributes} (an unset or an empty list removes).
   */
  void upsertTypedSearchAttributes(List<SearchAttributeUpdate<?>> updates) {
    if (updates.isEmpty()) {
      throw new IllegalArgumentException(
          "Workflow.upsertTypedSearchAttributes needs at least one update");
    }
    String where = "Workflow.upsertTypedSearchAttributes of workflow '" + info.workflowType() + "'";
    Map<String, Object> changes = new LinkedHashMap<>();
    for (SearchAttributeUpdate<?> update : updates) {
      SearchAttributeKey<?> key = update.getKey();
      if (changes.containsKey(key.getName())) {
        throw new IllegalArgumentException(
            "search attribute '" + key.getName() + "' is updated twice in " + where);
      }
      indexer.checkType(key.getName(), key.getValueType(), where);
      changes.put(key.getName(), update.untypedValue());
    }
    upsertSearchAttributes(changes);
  }

  /** Returns a copy of the run's current search attributes. */
  Map<String, IndexedValue> searchAttributes() {
    return Map.copyOf(searchAttributes);
  }

  /** Returns the run's current search attributes, which a new event copies. */
  Map<String, IndexedValue> currentSearchAttributes() {
    return searchAttributes;
  }
}
