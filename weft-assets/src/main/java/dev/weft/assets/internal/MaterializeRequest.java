package dev.weft.assets.internal;

import java.util.List;

/**
 * The input of the materialization workflow: the selection as written and its plan, steps in
 * dependency order.
 *
 * @param selection the selection, for the record
 * @param steps the steps, each after the steps it waits for; null when a workflow asks for the
 *     selection, which the materialization workflow then plans against the catalog (in a local
 *     activity, recorded in its history)
 */
public record MaterializeRequest(String selection, List<PlanStep> steps) {}
