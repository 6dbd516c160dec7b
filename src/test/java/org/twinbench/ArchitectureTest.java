package org.twinbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer arrows of docs/architecture.md, enforced. */
@AnalyzeClasses(packages = "org.twinbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothingOutsideUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.twinbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("only the ui layer may touch JavaFX; the engine and CLI run headless");

    @ArchTest
    static final ArchRule statsDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("org.twinbench.stats..")
            .should().dependOnClassesThat().resideInAnyPackage("org.twinbench.data..", "org.twinbench.model..",
                    "org.twinbench.scenario..", "org.twinbench.sim..", "org.twinbench.report..",
                    "org.twinbench.cli..", "org.twinbench.ui..");

    @ArchTest
    static final ArchRule dataDependsOnlyDownward = noClasses()
            .that().resideInAPackage("org.twinbench.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.twinbench.model..", "org.twinbench.scenario..",
                    "org.twinbench.sim..", "org.twinbench.report..", "org.twinbench.cli..", "org.twinbench.ui..");

    @ArchTest
    static final ArchRule modelDoesNotUseEngineOrFrontEnds = noClasses()
            .that().resideInAPackage("org.twinbench.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.twinbench.scenario..", "org.twinbench.sim..",
                    "org.twinbench.report..", "org.twinbench.cli..", "org.twinbench.ui..");

    @ArchTest
    static final ArchRule scenarioIsPlainDescription = noClasses()
            .that().resideInAPackage("org.twinbench.scenario..")
            .should().dependOnClassesThat().resideInAnyPackage("org.twinbench.sim..", "org.twinbench.report..",
                    "org.twinbench.cli..", "org.twinbench.ui..");

    @ArchTest
    static final ArchRule engineDoesNotUseFrontEnds = noClasses()
            .that().resideInAnyPackage("org.twinbench.sim..", "org.twinbench.report..")
            .should().dependOnClassesThat().resideInAnyPackage("org.twinbench.cli..", "org.twinbench.ui..");

    @ArchTest
    static final ArchRule onlyTheCliRunsBenchmarks = noClasses()
            .that().resideOutsideOfPackages("org.twinbench.cli..", "org.twinbench.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.twinbench.bench..");

    @ArchTest
    static final ArchRule cliAndUiAreIndependent = noClasses()
            .that().resideInAPackage("org.twinbench.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.twinbench.ui..");
}
