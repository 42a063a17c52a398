package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.SearchAttributeType;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the visibility contracts share: queries of the test namespace with a filter in the run
 * filter language, the IDs of listed runs, and listing every page of a query.
 */
final class VisibilityQueries {
  /** A page size that none of the contracts' listings fills. */
  static final int ONE_PAGE = 100;

  private VisibilityQueries() {}

  /**
   * Returns a query with the filter, parsed with the attributes of {@link VisibilityData#KNOWN}.
   */
  static RunQuery query(String filter, int pageSize) {
    return query(filter, VisibilityData.KNOWN, pageSize);
  }

  /** Returns a query with the filter, parsed with the given attributes. */
  static RunQuery query(String filter, Map<String, SearchAttributeType> known, int pageSize) {
    return new RunQuery(NAMESPACE, pageSize).withFilter(RunFilterParser.parse(filter, known));
  }

  /** Returns the IDs of the runs of the first page of a filter on {@link VisibilityData#KNOWN}. */
  static List<String> listIds(Store store, String filter) {
    return listIds(store, filter, VisibilityData.KNOWN);
  }

  /** Returns the IDs of the runs of the first page of a filter on the given attributes. */
  static List<String> listIds(Store store, String filter, Map<String, SearchAttributeType> known) {
    return ids(store.listRuns(query(filter, known, ONE_PAGE)));
  }

  /**
   * Follows the page tokens from the first page of a query to the last, asserting that no page is
   * larger than the page size, and returns the runs of all pages in order.
   */
  static List<RunRecord> listAll(Store store, RunQuery first) {
    List<RunRecord> all = new ArrayList<>();
    RunQuery query = first;
    for (int pages = 0; pages < 1000; pages++) {
      RunPage page = store.listRuns(query);
      assertThat(page.runs()).hasSizeLessThanOrEqualTo(first.pageSize());
      all.addAll(page.runs());
      if (page.nextPageToken() == null) {
        return all;
      }
      query = query.withPageToken(page.nextPageToken());
    }
    throw new AssertionError("paging did not end after 1000 pages");
  }

  /** Returns the run IDs of a page, in order. */
  static List<String> ids(RunPage page) {
    return ids(page.runs());
  }

  /** Returns the run IDs of the runs, in order. */
  static List<String> ids(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::runId).toList();
  }

  /** Returns the run IDs of an expected-runs column: separated by spaces, {@code -} for none. */
  static List<String> expectedIds(String expected) {
    String trimmed = expected == null ? "-" : expected.trim();
    return trimmed.equals("-") ? List.of() : List.of(trimmed.split("\\s+"));
  }

  /** Returns an upsert that sets the values and removes nothing. */
  static Write.UpsertSearchAttributes upsert(
      String runId, Map<String, SearchAttributeValue> values) {
    return new Write.UpsertSearchAttributes(runId, values);
  }
}
