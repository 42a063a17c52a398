package dev.weft.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The examples use weft-core's supported API only. */
@AnalyzeClasses(packages = "dev.weft.examples")
class UsesOnlyPublicApiTest {

  /**
   * Nothing in this module depends on the engine's internals ({@code dev.weft.internal}): only
   * weft-core itself may, so that the engine can change without breaking its users.
   */
  @ArchTest
  static final ArchRule noDependencyOnEngineInternals =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.examples..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.weft.internal..");

  /** Nor on the assets module's engine part ({@code dev.weft.assets.internal}). */
  @ArchTest
  static final ArchRule noDependencyOnAssetsInternals =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.examples..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.weft.assets.internal..");
}
