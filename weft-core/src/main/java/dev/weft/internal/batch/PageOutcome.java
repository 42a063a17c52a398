package dev.weft.internal.batch;

import dev.weft.client.BatchFailure;
import java.util.List;

/**
 * What one page of a batch did: runs the operation was applied to, the ones it was refused for, and
 * where the next page starts (null after the last).
 */
public record PageOutcome(long applied, List<BatchFailure> failures, String nextPageToken) {}
