package dev.weft.assets.internal;

import java.util.List;

/**
 * One compute call of a partitioned materialization: a step's partitions {@code [start, end)} (at
 * most the definition's {@code maxPartitionsPerRun}) and the chunks of the plan whose partitions it
 * reads, by position in the request's chunk list. Part of the workflow's input.
 *
 * @param step the definition's name
 * @param start the first partition index
 * @param end the index after the last
 * @param text the partitions as people read them ({@code 2024-01-01}, {@code 100..199})
 * @param after the positions of the chunks it waits for
 */
public record PlanChunk(String step, long start, long end, String text, List<Integer> after) {
  /** Copies the list. */
  public PlanChunk {
    after = List.copyOf(after);
  }
}
