package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoute;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads of workflows need READER; everything that changes something needs OPERATOR. */
class WorkflowRoutesRolesTest {
  @TempDir Path dir;

  @Test
  void readsAreReaderAndChangesOperator() {
    try (ApiServer api = TestWorkflows.server(TestStore.SQLITE, dir)) {
      List<ApiRoute> workflowRoutes =
          api.server().routes().stream()
              .filter(r -> r.path().startsWith("/api/v1/namespaces/{namespace}/workflow"))
              .toList();
      assertThat(workflowRoutes).hasSize(17);
      for (ApiRoute r : workflowRoutes) {
        boolean read = r.method().name().equals("GET") || r.path().contains("/queries/");
        assertThat(r.role())
            .as("%s %s", r.method(), r.path())
            .isEqualTo(read ? ApiRole.READER : ApiRole.OPERATOR);
      }
    }
  }
}
