package org.twinbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The layer arrows of ARCHITECTURE.md, enforced. The Spark sources ({@code src/spark/java}) are
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
