package dev.weft.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.SearchAttributeType;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunQuery;
import dev.weft.store.jdbc.ClaimSql;
import dev.weft.store.jdbc.RetentionSql;
import dev.weft.store.jdbc.RunListingSql;
import dev.weft.store.jdbc.SqlStatement;
import dev.weft.store.tck.VisibilityData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks with {@code EXPLAIN QUERY PLAN} that filtered listings and counts are index lookups, not
 * scans: the built-in fields through the runs' indexes (V003), search attributes through the index
 * of their value column, then the run by its primary key; and that retention's query reads closed
 * runs from their own index (V004) in close order, without a sort.
 */
@Tag("store")
class SqliteQueryPlanTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void migrate() {
    file = dir.resolve("weft.db");
    SqliteStore.open(file).close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          WorkflowType = 'Order'                     | INDEX runs_by_type (namespace=? AND workflow_type=?)
          ExecutionStatus = 'Running'                | INDEX runs_by_status (namespace=? AND status=?)
          WorkflowId = 'order-1'                     | INDEX runs_by_workflow_id (namespace=? AND workflow_id=?)
          StartTime > '2026-01-01T00:00:00Z'         | INDEX runs_by_start (namespace=? AND start_time>?)
          StartTime BETWEEN '2026-01-01' AND '2026-02-01' | INDEX runs_by_start (namespace=? AND start_time>? AND start_time<?)
          CustomerId = 'cust-a'                      | INDEX search_attributes_text (name=? AND type=? AND text_value=?)
          CustomerId STARTS_WITH 'cust-'             | INDEX search_attributes_text (name=? AND type=? AND text_value>? AND text_value<?)
          Amount = 100                               | INDEX search_attributes_int (name=? AND type=? AND int_value=?)
          Amount > 100                               | INDEX search_attributes_int (name=? AND type=? AND int_value>?)
          Amount IN (1, 2, 3)                        | INDEX search_attributes_int (name=? AND type=? AND int_value=?)
          Vip = true                                 | INDEX search_attributes_int (name=? AND type=? AND int_value=?)
          DueAt < '2026-02-01'                       | INDEX search_attributes_int (name=? AND type=? AND int_value<?)
          Score BETWEEN 1 AND 2                      | INDEX search_attributes_double (name=? AND type=? AND double_value>? AND double_value<?)
          CustomerId = 'cust-a' AND Notes = 'refund' | INDEX search_attributes_text (name=? AND type=? AND text_value=?)
          """)
  void filtersAreIndexLookups(String query, String index) throws SQLException {
    RunQuery q =
        new RunQuery("default", 50).withFilter(RunFilterParser.parse(query, VisibilityData.KNOWN));

    for (SqlStatement statement :
        List.of(
            RunListingSql.list(q, new SqliteDialect()),
            RunListingSql.count(q, new SqliteDialect()))) {
      List<String> plan = plan(statement);
      assertThat(plan).as(statement.sql()).anyMatch(step -> step.contains(index));
      assertThat(plan).as(statement.sql()).noneMatch(step -> step.startsWith("SCAN"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"WorkflowType = 'Order'", "ExecutionStatus = 'Running'", "WorkflowId = 'order-1'"})
  void listingsByABuiltInFieldNeedNoSort(String query) throws SQLException {
    RunQuery q =
        new RunQuery("default", 50).withFilter(RunFilterParser.parse(query, VisibilityData.KNOWN));

    assertThat(plan(RunListingSql.list(q, new SqliteDialect())))
        .noneMatch(step -> step.contains("TEMP B-TREE"));
  }

  /**
   * A keyword list's "contains" is a lookup of its keyword rows by (name, keyword), then the runs
   * by their primary key: no pass over the runs or over every list.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"Tags = 'red'", "Tags IN ('red', 'blue')", "Tags = 'red' AND Tags = 'blue'"})
  void keywordListContainsIsAnIndexLookup(String query) throws SQLException {
    RunQuery q =
        new RunQuery("default", 50)
            .withFilter(
                RunFilterParser.parse(query, Map.of("Tags", SearchAttributeType.KEYWORD_LIST)));

    for (SqlStatement statement :
        List.of(
            RunListingSql.list(q, new SqliteDialect()),
            RunListingSql.count(q, new SqliteDialect()))) {
      List<String> plan = plan(statement);
      assertThat(plan)
          .as(statement.sql())
          .anyMatch(
              step ->
                  step.contains(
                      "USING COVERING INDEX search_attribute_keywords_by_keyword"
                          + " (name=? AND keyword=?)"));
      assertThat(plan).as(statement.sql()).noneMatch(step -> step.startsWith("SCAN"));
    }
  }

  @Test
  void retentionReadsTheIndexOfClosedRunsInCloseOrder() throws SQLException {
    SqlStatement statement =
        RetentionSql.closedBefore("default", Instant.parse("2026-01-01T00:00:00Z"), 200);

    List<String> plan = plan(statement);

    assertThat(plan)
        .as(statement.sql())
        .containsExactly("SEARCH runs USING INDEX runs_by_close (namespace=? AND close_time<?)");
  }

  @ParameterizedTest(name = "one level {0}, sticky {1}, paused runs {2}")
  @CsvSource({"false,false,false", "true,false,false", "false,true,true", "true,true,true"})
  void workflowClaimsReadTheQueueInOrderWithoutASort(
      boolean onePriority, boolean sticky, boolean pausedRuns) throws SQLException {
    String sql = ClaimSql.workflowTasks(onePriority, sticky, pausedRuns, new SqliteDialect());

    List<String> plan = plan(new SqlStatement(sql, List.of()));

    assertThat(plan).as(sql).anyMatch(step -> step.contains("INDEX workflow_tasks_order"));
    assertThat(plan).as(sql).noneMatch(step -> step.contains("TEMP B-TREE"));
  }

  @ParameterizedTest(
      name = "one level {0}, types {1}, blocked keys {2}, paused runs {3}, paused types {4}")
  @CsvSource({
    "false,0,0,false,false",
    "true,0,0,false,false",
    "false,0,2,false,false",
    "false,0,0,true,true",
    "true,0,3,true,true",
    "false,2,0,false,false",
    "true,3,2,true,true"
  })
  void activityClaimsReadTheQueueInOrderWithoutASort(
      boolean onePriority, int types, int blockedKeys, boolean pausedRuns, boolean pausedTypes)
      throws SQLException {
    String sql =
        ClaimSql.activityTasks(
            onePriority, types, blockedKeys, pausedRuns, pausedTypes, new SqliteDialect());

    List<String> plan = plan(new SqlStatement(sql, List.of()));

    assertThat(plan).as(sql).anyMatch(step -> step.contains("INDEX activity_tasks_order"));
    assertThat(plan).as(sql).noneMatch(step -> step.contains("TEMP B-TREE"));
  }

  private List<String> plan(SqlStatement statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + statement.sql())) {
      for (int i = 0; i < statement.parameters().size(); i++) {
        ps.setObject(i + 1, statement.parameters().get(i));
      }
      List<String> steps = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString("detail"));
        }
      }
      return steps;
    }
  }
}
