package org.twinbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /** A view, panel, dialog or window of the UI, with the classes nested in it (cells, rows, listeners). */
    private static final DescribedPredicate<JavaClass> VIEWS = DescribedPredicate.describe(
            "are views (named *View, *Panel, *Dialog*, *Window, or nested in one)", type -> {
                if (!type.getPackageName().startsWith("org.twinbench.ui")) {
                    return false;
                }
                String name = type.getName().substring(type.getPackageName().length() + 1);
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                return outer.endsWith("View") || outer.endsWith("Panel") || outer.contains("Dialog")
                        || outer.endsWith("Window");
            });

    /** An engine, report or model type that is not a plain value (a Java record, or an enum constant). */
    private static final DescribedPredicate<JavaClass> ENGINE_BEYOND_VALUES = DescribedPredicate.describe(
            "are sim, report or model types other than records and enums", type -> {
                String pkg = type.getPackageName();
                boolean engine = pkg.startsWith("org.twinbench.sim") || pkg.startsWith("org.twinbench.report")
                        || pkg.startsWith("org.twinbench.model");
                return engine && !type.isRecord();
            });

    @ArchTest
    static final ArchRule viewsTalkOnlyToTheirViewModels = noClasses()
            .that(VIEWS)
            .should().dependOnClassesThat(ENGINE_BEYOND_VALUES)
            .because("views talk only to their view models, which alone call the engine; values they show "
                    + "(records, enums) may pass through");
}
