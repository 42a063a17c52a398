package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.StaleReason;
import java.util.List;
import java.util.Map;

/**
 * One asset partition's row of {@code asset_states} while a write changes it, with what staleness
 * needs of its current materialization (code version, consumed input versions). A row not stored
 * yet is a missing asset. Changed fields mark it dirty; {@link StateRows#save} writes dirty rows.
 */
final class StateRow {
  final String key;
  boolean stored;
  boolean dirty;
  AssetStatus status = AssetStatus.MISSING;
  List<StaleReason> reasons = List.of();
  Long currentId;
  String currentCodeVersion;
  Map<String, String> consumed = Map.of();
  String dataVersion;
  String lastFailureMessage;
  Long lastFailureAt;
  String observedVersion;
  long updatedAt;

  StateRow(String key) {
    this.key = key;
  }

  boolean failed() {
    return status == AssetStatus.FAILED;
  }

  /** Whether it has data: a materialization, or an observation. */
  boolean hasData() {
    return currentId != null || observedVersion != null;
  }

  /** Makes {@code m}, recorded as history entry {@code id}, the current materialization. */
  void materialized(long id, MaterializationRecord m) {
    currentId = id;
    currentCodeVersion = m.codeVersion();
    consumed = m.inputDataVersions();
    dataVersion = m.dataVersion();
    status = hasReasons() ? AssetStatus.STALE : AssetStatus.FRESH;
    touch(m.finishedAt().toEpochMilli());
  }

  /** Records a failure; the current materialization and the reasons stay. */
  void failed(String message, long at) {
    status = AssetStatus.FAILED;
    lastFailureMessage = message;
    lastFailureAt = at;
    touch(at);
  }

  /**
   * Records an observed data version; it becomes the data version downstream compare with unless
   * the asset has a materialization. Returns whether that data version changed.
   */
  boolean observed(String version, long at) {
    observedVersion = version;
    touch(at);
    if (currentId != null) {
      return false;
    }
    if (failed()) {
      status = AssetStatus.FRESH;
    }
    boolean changed = !version.equals(dataVersion);
    dataVersion = version;
    return changed;
  }

  /** Sets the status and reasons; returns whether either changed (then the row is dirty). */
  boolean update(AssetStatus newStatus, List<StaleReason> newReasons, long at) {
    if (newStatus == status && newReasons.equals(reasons)) {
      return false;
    }
    status = newStatus;
    reasons = newReasons;
    touch(at);
    return true;
  }

  boolean hasReasons() {
    return !reasons.isEmpty();
  }

  void touch(long at) {
    updatedAt = at;
    dirty = true;
  }
}
