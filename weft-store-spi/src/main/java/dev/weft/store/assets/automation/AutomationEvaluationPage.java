package dev.weft.store.assets.automation;

import java.util.List;
import java.util.Objects;

/**
 * A page of an asset's automation evaluations, newest first.
 *
 * @param evaluations the page
 * @param nextPageToken the token of the next page; null on the last one
 */
public record AutomationEvaluationPage(
    List<AutomationEvaluationRecord> evaluations, String nextPageToken) {
  /** Validates the record. */
  public AutomationEvaluationPage {
    evaluations = List.copyOf(Objects.requireNonNull(evaluations, "evaluations"));
  }
}
