package dev.weft.assets.internal;

import java.util.List;

/**
 * The input of the materialization workflow: the selection as written and its plan, steps in
 * dependency order.
 *
 * @param selection the selection, for the record
 * @param steps the steps, each after the steps it waits for
 */
public record MaterializeRequest(String selection, List<PlanStep> steps) {}
