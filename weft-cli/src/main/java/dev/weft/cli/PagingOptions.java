package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * The paging options of a command that lists a page at a time ({@code --page-size}, {@code
 * --page-token}), a picocli mixin: the query string of a page, and the hint that names the next
 * page's token.
 *
 * <pre>{@code
 * @Mixin private PagingOptions paging;
 * JsonNode page = http.get(path + paging.query(20));
 * paging.printNext(out, page);
 * }</pre>
 */
final class PagingOptions {
  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "entries per page, 1 to 1000 (default: the command's)")
  private Integer pageSize;

  @Option(
      names = "--page-token",
      paramLabel = "TOKEN",
      description = "the token a previous page printed, for the next page")
  private String pageToken;

  /** Returns the page size: {@code --page-size}, else {@code defaultSize}. */
  int size(int defaultSize) {
    return pageSize == null ? defaultSize : pageSize;
  }

  /** Returns {@code --page-token}, or null for the first page. */
  String token() {
    return pageToken;
  }

  /**
   * Returns {@code pageSize=N[&pageToken=T]} ({@code defaultSize} when no {@code --page-size}),
   * without a leading {@code ?} or {@code &}.
   */
  String query(int defaultSize) {
    return "pageSize="
        + (pageSize == null ? defaultSize : pageSize)
        + (pageToken == null ? "" : "&pageToken=" + AssetNamespace.encode(pageToken));
  }

  /** Prints {@code next page: --page-token T} when the page has a next one. */
  static void printNext(PrintStream out, JsonNode page) {
    JsonNode next = page.path("nextPageToken");
    if (next.isTextual()) {
      out.println("next page: --page-token " + next.asText());
    }
  }
}
