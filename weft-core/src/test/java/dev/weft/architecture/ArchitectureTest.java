package dev.weft.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The architecture rules of weft-core, checked on every build. */
@AnalyzeClasses(packages = "dev.weft", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The engine reaches storage only through the SPI: no JDBC, no concrete store. */
  @ArchTest
  static final ArchRule coreTalksToStorageOnlyThroughTheSpi =
      noClasses()
          .that()
          .resideInAPackage("dev.weft..")
          .and()
          .resideOutsideOfPackages("dev.weft.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "dev.weft.store.jdbc..", "dev.weft.store.sqlite..");

  /** Engine code reads time only from the injected clock and never sleeps a thread. */
  @ArchTest
  static final ArchRule engineCodeNeverReadsTheWallClockOrSleeps =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.internal..")
          .should()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(Thread.class, "sleep", long.class)
          .orShould()
          .callMethod(java.time.LocalDateTime.class, "now");

  /** Interfaces get the plain name; no Impl or Utils classes. */
  @ArchTest
  static final ArchRule noImplOrUtilsNames =
      noClasses()
          .that()
          .resideInAPackage("dev.weft..")
          .should()
          .haveSimpleNameEndingWith("Impl")
          .orShould()
          .haveSimpleNameEndingWith("Utils");

  /** The public packages do not depend on the store implementations' internals. */
  @ArchTest
  static final ArchRule publicApiIsIndependentOfTheWorkerInternals =
      classes()
          .that()
          .resideInAnyPackage(
              "dev.weft.workflow..",
              "dev.weft.activity..",
              "dev.weft.client..",
              "dev.weft.common..")
          .should()
          .onlyDependOnClassesThat()
          .resideOutsideOfPackages("dev.weft.internal.worker..", "dev.weft.internal.client..");
}
