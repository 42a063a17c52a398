package dev.weft.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.SearchAttributeType;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunQuery;
import dev.weft.store.jdbc.RunListingSql;
import dev.weft.store.jdbc.SqlStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks with {@code EXPLAIN} that "a keyword list contains x" can be served by the index on {@code
 * search_attribute_keywords (name, keyword, run_id)} (V005): with 20,000 keyword rows of 2,000 runs
 * analyzed, and sequential scans made unattractive so that the plan shows whether the index applies
 * at all (on an almost empty runs table the planner would otherwise prefer a scan).
 */
@Tag("store")
class PostgresQueryPlanTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"Tags = 'tag-7'", "Tags IN ('tag-7', 'tag-8')", "Tags != 'tag-7'"})
  void keywordListContainsUsesTheKeywordIndex(String query) throws SQLException {
    PostgresStoreOptions options = TestPostgres.freshOptions("plan");
    PostgresStore.open(options).close();
    RunQuery q =
        new RunQuery("default", 50)
            .withFilter(
                RunFilterParser.parse(query, Map.of("Tags", SearchAttributeType.KEYWORD_LIST)));

    try (Connection c =
        DriverManager.getConnection(TestPostgres.url() + "&currentSchema=" + options.schema())) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO search_attribute_keywords (run_id, name, keyword)"
                + " SELECT 'run-' || r, 'Tags', 'tag-' || t"
                + " FROM generate_series(1, 2000) r, generate_series(1, 10) t");
        s.execute("ANALYZE search_attribute_keywords");
        s.execute("SET enable_seqscan = off");
      }
      for (SqlStatement statement :
          List.of(
              RunListingSql.list(q, new PostgresDialect()),
              RunListingSql.count(q, new PostgresDialect()))) {
        List<String> plan = plan(c, statement);
        assertThat(plan)
            .as(statement.sql())
            .anyMatch(step -> step.contains("search_attribute_keywords_by_keyword"));
        assertThat(plan)
            .as(statement.sql())
            .noneMatch(step -> step.contains("Seq Scan on search_attribute_keywords"));
      }
    }
  }

  private static List<String> plan(Connection c, SqlStatement statement) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement.sql())) {
      for (int i = 0; i < statement.parameters().size(); i++) {
        ps.setObject(i + 1, statement.parameters().get(i));
      }
      List<String> steps = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString(1));
        }
      }
      return steps;
    }
  }
}
