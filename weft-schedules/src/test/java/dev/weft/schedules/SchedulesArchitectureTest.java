package dev.weft.schedules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

/**
 * The schedules module is built on weft-core's public API, and its own engine part ({@code
 * dev.weft.schedules.internal}) stays out of its public signatures.
 */
@AnalyzeClasses(
    packages = "dev.weft.schedules",
    importOptions = ImportOption.DoNotIncludeTests.class)
class SchedulesArchitectureTest {

  /** Only weft-core may use the engine's internals, so that the engine can change freely. */
  @ArchTest
  static final ArchRule noDependencyOnEngineInternals =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.schedules..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.weft.internal..");

  /** No {@code *Impl} or {@code *Utils} names. */
  @ArchTest
  static final ArchRule noImplOrUtilsNames =
      noClasses()
          .that()
          .resideInAPackage("dev.weft.schedules..")
          .should()
          .haveSimpleNameEndingWith("Impl")
          .orShould()
          .haveSimpleNameEndingWith("Utils");

  /**
   * No {@code dev.weft.schedules.internal} type in a public or protected member of a public type
   * outside that package, nor among its supertypes.
   */
  @ArchTest
  static final ArchRule internalStaysOutOfPublicSignatures =
      classes()
          .that()
          .resideInAPackage("dev.weft.schedules..")
          .and()
          .resideOutsideOfPackage("dev.weft.schedules.internal..")
          .and()
          .arePublic()
          .should(exposeNoInternalType());

  private static final String INTERNAL = "dev.weft.schedules.internal.";

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no dev.weft.schedules.internal type in a public signature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<String> leaks = new ArrayList<>();
        type.getRawSuperclass()
            .filter(SchedulesArchitectureTest::isInternal)
            .ifPresent(s -> leaks.add("extends " + s.getName()));
        type.getRawInterfaces().stream()
            .filter(SchedulesArchitectureTest::isInternal)
            .forEach(i -> leaks.add("implements " + i.getName()));
        for (JavaMember member : type.getMembers()) {
          if (!member.getModifiers().contains(JavaModifier.PUBLIC)
              && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
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
                .filter(SchedulesArchitectureTest::isInternal)
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
