/**
 * Declarative automation's part of the asset catalog: the change log every catalog write appends to
 * ({@link dev.weft.store.assets.automation.AssetChangeRecord}), the evaluator's lease and durable
 * cursor per namespace and code location, the evaluations it records, and their reads ({@link
 * dev.weft.store.assets.automation.AutomationLog}).
 */
package dev.weft.store.assets.automation;
