package dev.weft.assets.internal;

/**
 * The input of one run of a backfill's workflow: all it carries across continue-as-new (the row
 * holds the rest).
 *
 * @param backfillId the backfill
 * @param offset the position, among the backfill's partitions in index order, of the first one of
 *     the window this run plans
 */
public record BackfillInput(String backfillId, long offset) {}
