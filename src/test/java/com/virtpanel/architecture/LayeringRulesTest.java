package com.virtpanel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.virtpanel.base.SkipsCallerCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * Views and controllers call services only (never repositories, the host or beans marked
 * {@link SkipsCallerCheck}); only the host module touches libvirt or JNA.
 */
class LayeringRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.virtpanel");
    }

    @Test
    void onlyTheHostModuleUsesLibvirtOrJna() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("com.virtpanel.host..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "com.sun.jna..");
        rule.check(classes);
    }

    @Test
    void viewsNeverUseRepositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(classes);
    }

    @Test
    void viewsNeverUseTheHostModuleDirectly() {
        noClasses().that().resideInAPackage("..ui..").and().resideOutsideOfPackage("com.virtpanel.host..")
                .should().dependOnClassesThat().resideInAnyPackage("com.virtpanel.host..", "org.libvirt..")
                .check(classes);
    }

    @Test
    void restControllersNeverUseRepositoriesOrTheHost() {
        noClasses().that().resideInAPackage("com.virtpanel.api..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("com.virtpanel.host..", "org.libvirt..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewsAndControllersNeverUseBeansThatSkipTheCallerCheck() {
        noClasses().that().resideInAPackage("..ui..").or().resideInAPackage("com.virtpanel.api..")
                .should().dependOnClassesThat().areAnnotatedWith(SkipsCallerCheck.class)
                .because("those beans do not ask who is calling; views and controllers go through services that do")
                .check(classes);
    }

    @Test
    void entitiesStayInsideTheirModule() {
        noClasses().that().areAnnotatedWith(jakarta.persistence.Entity.class).should().bePublic().check(classes);
    }
}
