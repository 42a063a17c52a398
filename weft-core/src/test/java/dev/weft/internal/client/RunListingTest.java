package dev.weft.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowOptions;
import dev.weft.failure.InvalidQueryException;
import dev.weft.store.Batch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunListingTest {

  @Test
  void listsAndCountsTheRunsAFilterMatches(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      for (String customer : new String[] {"acme", "acme", "globex"}) {
        StartPlans.StartPlan plan =
            parts
                .plans()
                .plan(
                    "Ticket",
                    WorkflowOptions.newBuilder()
                        .taskQueue("q")
                        .searchAttribute("Customer", customer)
                        .build(),
                    new Object[] {"s"});
        parts.store.commit(Batch.builder().addAll(plan.writes()).build()).join();
      }
      RunListing listing = new RunListing("default", parts.store, parts.searchAttributes);
      WorkflowFilter acme = WorkflowFilter.query("Customer = 'acme'");

      assertThat(listing.list(acme).workflows()).hasSize(2);
      assertThat(listing.count(acme)).isEqualTo(2);
      assertThat(listing.count(WorkflowFilter.all())).isEqualTo(3);
    }
  }

  @Test
  void aQueryThatDoesNotParseNamesTheOffendingPosition(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      RunListing listing = new RunListing("default", parts.store, parts.searchAttributes);

      assertThatThrownBy(() -> listing.count(WorkflowFilter.query("Customer = ")))
          .isInstanceOf(InvalidQueryException.class);
    }
  }
}
