package dev.weft.assets.internal.automation;

import static dev.weft.assets.automation.AutomationCondition.codeVersionChanged;
import static dev.weft.assets.automation.AutomationCondition.eager;
import static dev.weft.assets.automation.AutomationCondition.missing;
import static dev.weft.assets.automation.AutomationCondition.not;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.AssetKey;
import dev.weft.assets.automation.AutomationCondition;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * When only new triggers may fire a condition (after the asset's own failure, or once a run it
 * waited for closed), the standing facts (missing, a new code version) cannot fire it, and a
 * negated standing fact still holds as it is.
 */
class ConditionEvaluatorTest {
  static final AssetKey OUT = AssetKey.of("out/x");
  static final AssetKey SRC = AssetKey.of("src/a");

  /** An unpartitioned asset that was never materialized; its upstream updated or not. */
  static AssetFacts neverMaterialized(boolean upstreamUpdated) {
    return new AssetFacts(
        OUT,
        Set.of(SRC),
        upstreamUpdated ? Set.of(SRC) : Set.of(),
        null,
        true,
        false,
        false,
        false);
  }

  @Test
  void aNegatedStandingFactStillHoldsOnNewTriggersOnly() {
    AutomationCondition eagerNotMissing = eager().and(not(missing()));

    assertThat(ConditionEvaluator.evaluate(eagerNotMissing, neverMaterialized(true)).holds())
        .isFalse();
    assertThat(
            ConditionEvaluator.evaluateOnNewTriggers(eagerNotMissing, neverMaterialized(true))
                .holds())
        .as("dropping missing() must not make !missing() true")
        .isFalse();
  }

  @Test
  void aStandingFactAloneDoesNotFireOnNewTriggersOnlyButANewTriggerDoes() {
    AutomationCondition missingOrCode = missing().or(codeVersionChanged());
    AutomationCondition eagerOrMissing = eager().or(missing());

    assertThat(
            ConditionEvaluator.evaluateOnNewTriggers(missingOrCode, neverMaterialized(true))
                .holds())
        .isFalse();
    assertThat(
            ConditionEvaluator.evaluateOnNewTriggers(eagerOrMissing, neverMaterialized(false))
                .holds())
        .isFalse();
    assertThat(
            ConditionEvaluator.evaluateOnNewTriggers(eagerOrMissing, neverMaterialized(true))
                .holds())
        .isTrue();
  }
}
