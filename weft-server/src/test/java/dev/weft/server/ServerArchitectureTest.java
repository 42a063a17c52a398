package dev.weft.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server is built on weft-core's public API, and its HTTP plumbing knows no route group. */
@AnalyzeClasses(packages = "dev.weft.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

  /** Only weft-core may use the engine's internals, so that the engine can change freely. */
  @ArchTest
  static final ArchRule noDependencyOnEngineInternals =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.weft.internal..");

  /** The shared HTTP layer (problems, JSON, routes) does not depend on the API's route groups. */
  @ArchTest
  static final ArchRule httpLayerDoesNotDependOnRouteGroups =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.server.http..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.weft.server.api..");
}
