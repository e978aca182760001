package io.pocketdock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the compiled SDK. */
class LayeringTest {
  private static final JavaClasses SDK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.pocketdock");

  @Test
  void codecs_dependOnlyOnTheJdk() {
    for (String codec : new String[] {"json", "http", "frame", "tar"}) {
      classes()
          .that()
          .resideInAPackage("io.pocketdock.internal." + codec + "..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.pocketdock.internal." + codec + "..", "java..", "javax..", "org.jspecify..")
          .check(SDK);
    }
  }

  @Test
  void internals_neverDependOnTheApi() {
    noClasses()
        .that()
        .resideInAPackage("io.pocketdock.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.pocketdock")
        .check(SDK);
  }

  @Test
  void packages_haveNoCycles() {
    slices().matching("io.pocketdock.(**)").should().beFreeOfCycles().check(SDK);
  }
}
