package dev.weft.assets.internal;

import java.util.List;

/**
 * The result of the materialization workflow: every step's outcome, in plan order.
 *
 * @param steps the outcomes
 */
public record MaterializeOutcome(List<StepOutcome> steps) {}
