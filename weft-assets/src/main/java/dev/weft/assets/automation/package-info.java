/**
 * Declarative automation: {@link dev.weft.assets.automation.AutomationCondition}s on assets,
 * evaluated when the catalog changes, each trigger starting one materialization exactly once.
 */
package dev.weft.assets.automation;
