package org.twinbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layer arrows of docs/architecture.md, enforced. The Spark sources ({@code src/spark/java}) are
 * compiled only by the {@code spark} profile: their classes are analysed by the rules below when that
 * build put them on the class path, and their source files are checked by {@link #sparkSourcesKeepTheLayers}
 * in every build.
 */
@AnalyzeClasses(packages = "org.twinbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Path SPARK_SOURCES = Path.of("src/spark/java");
    private static final Path SPARK_SERVICES = Path.of("src/spark/resources/META-INF/services");
    /** Our packages Spark (a front end, like the CLI it drives) must not use. */
    private static final Set<String> SPARK_MUST_NOT_USE = Set.of("ui", "bench");

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
    @ArchTest
    static final ArchRule screensDoNotReachBackIntoTheShell = noClasses()
            .that().resideInAnyPackage("org.twinbench.ui.*..")
            .should().dependOnClassesThat().resideInAPackage("org.twinbench.ui")
            .because("the shell (main window, app) uses the screens' packages; what they share is in ui.fx, so"
                    + " the ui packages form no cycle");

    @ArchTest
    static final ArchRule uiDoesNotUseTheCli = noClasses()
            .that().resideInAPackage("org.twinbench.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.twinbench.cli..")
            .because("what the window and the CLI share lives in the engine (e.g. sim.sweep.SweepGrid)");

    @ArchTest
    static final ArchRule sparkIsAFrontEndBesideTheCli = noClasses()
            .that().resideInAPackage("org.twinbench.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.twinbench.ui..", "org.twinbench.bench..")
            .allowEmptyShould(true)
            .because("the Spark build runs sweeps headless on executors; present only in the spark profile's build");

    @ArchTest
    static final ArchRule nothingButSparkUsesSpark = noClasses()
            .that().resideOutsideOfPackage("org.twinbench.spark..")
            .should().dependOnClassesThat().resideInAPackage("org.twinbench.spark..")
            .because("the engine finds a cluster through ServiceLoader (SweepExecutor.Cluster), never by name");

    /** Every package of ours a Spark source file names, in an import or a qualified name. */
    @Test
    void sparkSourcesKeepTheLayers() throws IOException {
        List<Path> sources = javaFiles(SPARK_SOURCES);
        assertThat(sources).as("Spark sources in " + SPARK_SOURCES).isNotEmpty();
        Pattern reference = Pattern.compile("\\borg\\.twinbench\\.(\\w+)\\.");
        List<String> broken = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (Path source : sources) {
            Matcher m = reference.matcher(Files.readString(source));
            while (m.find()) {
                used.add(m.group(1));
                if (SPARK_MUST_NOT_USE.contains(m.group(1))) {
                    broken.add(source + " uses org.twinbench." + m.group(1));
                }
            }
        }
        assertThat(broken).isEmpty();
        // The check sees what the Spark build really uses (the engine's sweeps and the CLI it drives).
        assertThat(used).contains("sim", "cli", "spark");
    }

    /** A service file of the Spark build names an interface of the engine that exists, and a Spark class that does. */
    @Test
    void sparkRegistersItsClusterUnderTheEnginesInterface() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> services = Files.list(SPARK_SERVICES)) {
            for (Path service : services.toList()) {
                String contract = service.getFileName().toString();
                if (!Files.isRegularFile(Path.of("src/main/java", contract.replaceAll("\\$.*", "").replace('.', '/')
                        + ".java"))) {
                    problems.add(service + ": no interface " + contract + " in src/main/java");
                }
                for (String provider : Files.readAllLines(service)) {
                    if (!provider.isBlank() && !Files.isRegularFile(SPARK_SOURCES.resolve(provider.strip()
                            .replace('.', '/') + ".java"))) {
                        problems.add(service + ": no class " + provider + " in " + SPARK_SOURCES);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
