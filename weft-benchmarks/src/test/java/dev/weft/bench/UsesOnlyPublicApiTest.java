package dev.weft.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The benchmarks use weft-core's supported API only. */
@AnalyzeClasses(packages = "dev.weft.bench")
class UsesOnlyPublicApiTest {

  /**
   * Nothing in this module depends on the engine's internals ({@code dev.weft.internal}): only
   * weft-core itself may, so that the engine can change without breaking its users.
   */
  @ArchTest
  static final ArchRule noDependencyOnEngineInternals =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.bench..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.weft.internal..");

  /** Nor on the assets module's engine part ({@code dev.weft.assets.internal}). */
  @ArchTest
  static final ArchRule noDependencyOnAssetsInternals =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.bench..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.weft.assets.internal..");

  /** Nor on the schedules module's engine part ({@code dev.weft.schedules.internal}). */
  @ArchTest
  static final ArchRule noDependencyOnSchedulesInternals =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.bench..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.weft.schedules.internal..");
}
