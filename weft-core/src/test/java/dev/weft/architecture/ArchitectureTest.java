package dev.weft.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

  /** The engine's slices import each other in one direction only. */
  @ArchTest
  static final ArchRule internalSlicesAreFreeOfCycles =
      slices().matching("dev.weft.internal.(*)..").should().beFreeOfCycles();

  /**
   * The engine's layers, bottom up: codec and definition; batch (batch operations over the public
   * API only); stub (typed stubs over any client's untyped calls); runtime (pure workflow
   * execution, no store); visibility; engine (this node's shared state); step (what a step writes);
   * activity; then worker, client, remote (the client over HTTP, which uses only codec, definition
   * and stub) and retention side by side; the assembly on top wires them all. A layer uses only
   * layers below it.
   */
  @ArchTest
  static final ArchRule internalLayersDependOnlyOnLayersBelow =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("codec")
          .definedBy("dev.weft.internal.codec..")
          .layer("definition")
          .definedBy("dev.weft.internal.definition..")
          .layer("batch")
          .definedBy("dev.weft.internal.batch..")
          .layer("stub")
          .definedBy("dev.weft.internal.stub..")
          .layer("runtime")
          .definedBy("dev.weft.internal.runtime..")
          .layer("visibility")
          .definedBy("dev.weft.internal.visibility..")
          .layer("engine")
          .definedBy("dev.weft.internal.engine..")
          .layer("step")
          .definedBy("dev.weft.internal.step..")
          .layer("activity")
          .definedBy("dev.weft.internal.activity..")
          .layer("worker")
          .definedBy("dev.weft.internal.worker..")
          .layer("client")
          .definedBy("dev.weft.internal.client..")
          .layer("remote")
          .definedBy("dev.weft.internal.remote..")
          .layer("retention")
          .definedBy("dev.weft.internal.retention..")
          .layer("assembly")
          .definedBy("dev.weft.internal.assembly..")
          .whereLayer("codec")
          .mayNotAccessAnyLayer()
          .whereLayer("definition")
          .mayNotAccessAnyLayer()
          .whereLayer("batch")
          .mayNotAccessAnyLayer()
          .whereLayer("stub")
          .mayOnlyAccessLayers("codec", "definition", "batch")
          .whereLayer("runtime")
          .mayOnlyAccessLayers("codec", "definition")
          .whereLayer("visibility")
          .mayOnlyAccessLayers("codec", "definition", "runtime")
          .whereLayer("engine")
          .mayOnlyAccessLayers("codec", "definition", "runtime", "visibility")
          .whereLayer("step")
          .mayOnlyAccessLayers("codec", "definition", "runtime", "visibility", "engine")
          .whereLayer("activity")
          .mayOnlyAccessLayers("codec", "definition", "runtime", "visibility", "engine", "step")
          .whereLayer("worker")
          .mayOnlyAccessLayers(
              "codec", "definition", "runtime", "visibility", "engine", "step", "activity")
          .whereLayer("client")
          .mayOnlyAccessLayers(
              "codec",
              "definition",
              "batch",
              "stub",
              "runtime",
              "visibility",
              "engine",
              "step",
              "activity")
          .whereLayer("remote")
          .mayOnlyAccessLayers("codec", "definition", "batch", "stub")
          .whereLayer("retention")
          .mayOnlyAccessLayers("codec", "definition", "runtime", "visibility", "engine")
          .whereLayer("assembly")
          .mayNotBeAccessedByAnyLayer();

  /**
   * The public API does not expose the engine: no {@code dev.weft.internal} type in a public or
   * protected method, constructor or field of a public type outside {@code internal}, nor among the
   * supertypes of such a type. (A public class may still call into the engine in its body.)
   */
  @ArchTest
  static final ArchRule noInternalTypeInAPublicSignature =
      classes()
          .that()
          .resideInAPackage("dev.weft..")
          .and()
          .resideOutsideOfPackage("dev.weft.internal..")
          .and()
          .arePublic()
          .should(exposeNoInternalType());

  private static final String INTERNAL = "dev.weft.internal.";

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no dev.weft.internal type in a public signature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<String> leaks = new ArrayList<>();
        type.getRawSuperclass()
            .filter(ArchitectureTest::isInternal)
            .ifPresent(s -> leaks.add("extends " + s.getName()));
        type.getRawInterfaces().stream()
            .filter(ArchitectureTest::isInternal)
            .forEach(i -> leaks.add("implements " + i.getName()));
        for (JavaMember member : type.getMembers()) {
          Set<JavaModifier> modifiers = member.getModifiers();
          if (!modifiers.contains(JavaModifier.PUBLIC)
              && !modifiers.contains(JavaModifier.PROTECTED)) {
            continue;
          }
          List<JavaType> signature = new ArrayList<>();
          if (member instanceof JavaCodeUnit unit) {
            signature.add(unit.getReturnType());
            signature.addAll(unit.getParameterTypes());
            signature.addAll(unit.getThrowsClause().getTypes());
          } else if (member instanceof JavaField field) {
            signature.add(field.getType());
          }
          for (JavaType t : signature) {
            t.getAllInvolvedRawTypes().stream()
                .filter(ArchitectureTest::isInternal)
                .forEach(c -> leaks.add(member.getFullName() + " uses " + c.getName()));
          }
        }
        for (String leak : leaks) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + ": " + leak));
        }
      }
    };
  }

  private static boolean isInternal(JavaClass c) {
    return c.getName().startsWith(INTERNAL);
  }
}
