package dev.weft.store;

import java.util.List;

/**
 * A parsed list query (see {@link RunFilterParser}).
 *
 * @param filter the condition, or {@code null} when the query has none (all runs match)
 * @param orderBy the requested order, empty for the default (newest first)
 */
public record ParsedQuery(RunFilter filter, List<RunOrder> orderBy) {

  /** Copies the order. */
  public ParsedQuery {
    orderBy = List.copyOf(orderBy);
  }
}
