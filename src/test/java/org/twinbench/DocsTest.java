package org.twinbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.twinbench.bench.DataWorkloads;
import org.twinbench.bench.EngineWorkloads;
import org.twinbench.bench.StatsWorkloads;
import org.twinbench.bench.Workload;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.report.RunFiles;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.stats.BinaryMetric;
import org.twinbench.stats.ChangeDetector;
import org.twinbench.stats.ChangeDetectors;
import org.twinbench.stats.DriftMethod;
import org.twinbench.stats.MetricSet;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * The documents in {@code docs/} stay true to the code where that is cheap to check: every command
 * and option, detector (with its defaults), drift method, metric and scenario node parameter is in
 * them, the README and the documents link only to files inside the repository, and no comment cites a
 * design note outside it.
 */
class DocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    static String read(String file) {
        try {
            return Files.readString(ROOT.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of cli.md from the heading {@code ## name} to the next second-level heading. */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n## " + heading + "\n");
        assertThat(start).as("section '## %s'", heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    /** A parameter default as the documents write it: whole numbers without a decimal point. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    @Test
    void everyCommandHasASectionNamingEachOfItsOptions() {
        String cli = read("docs/cli.md");
        CommandLine root = TwinBenchCommand.commandLine();
        for (OptionSpec option : root.getCommandSpec().options()) {
            assertThat(section(cli, "Conventions")).as("common option %s", option.longestName())
                    .contains("`" + option.longestName() + "`");
        }
        int commands = 0;
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            if (command.getKey().equals("help")) {
                assertThat(section(cli, "Conventions")).contains("`twinbench help CMD`");
                continue;
            }
            String text = section(cli, command.getKey());
            commands += checkOptions(text, command.getValue(), command.getKey());
            for (Map.Entry<String, CommandLine> sub : command.getValue().getSubcommands().entrySet()) {
                assertThat(text).as("subcommand %s %s", command.getKey(), sub.getKey())
                        .contains("`" + command.getKey() + " " + sub.getKey());
                checkOptions(text, sub.getValue(), command.getKey() + " " + sub.getKey());
            }
        }
        assertThat(commands).as("commands with options checked").isGreaterThanOrEqualTo(10);
    }

    /** Checks that {@code text} names every option of the command but the common ones; returns 1. */
    private static int checkOptions(String text, CommandLine command, String name) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            String longest = option.longestName();
            if (option.usageHelp() || option.versionHelp() || longest.equals("--verbose")) {
                continue;
            }
            assertThat(text).as("option %s of '%s' in docs/cli.md", longest, name).contains("`" + longest);
        }
        return 1;
    }

    @Test
    void everyDetectorIsDefinedWithItsParametersAndDefaults() {
        String cli = read("docs/cli.md");
        for (String name : ChangeDetectors.NAMES) {
            ChangeDetector detector = ChangeDetectors.create(name, Map.of());
            String row = cli.lines().filter(line -> line.startsWith("| `" + name + "` |")).findFirst().orElse("");
            assertThat(row).as("row of detector %s in the detector table", name).isNotEmpty();
            detector.parameters().forEach((parameter, value) -> assertThat(row)
                    .as("parameter %s of %s with its default", parameter, name)
                    .contains("`" + parameter + "` (" + number(value) + ")"));
            assertThat(section(cli, "detect")).contains("`" + name + "`");
        }
    }

    @Test
    void everyDriftMethodIsInTheDecisionTable() {
        String cli = read("docs/cli.md");
        for (DriftMethod method : DriftMethod.values()) {
            String row = cli.lines().filter(line -> line.startsWith("| `" + method.cliName() + "`")).findFirst()
                    .orElse("");
            String appliesTo = method.appliesTo("numeric") && method.appliesTo("categorical") ? "both"
                    : method.appliesTo("numeric") ? "numeric" : "categorical";
            assertThat(row).as("decision-table row of %s", method.cliName())
                    .contains("| `" + method.statistic() + "` |", "| " + appliesTo + " |",
                            method.isPValue() ? "p < T" : "value ≥ T", "| " + number(method.defaultThreshold()) + " |");
            assertThat(section(cli, "drift")).contains(method.statistic());
        }
    }

    @Test
    void everyMetricAndRunFileColumnIsDefined() {
        String cli = read("docs/cli.md");
        String definitions = section(cli, "Definitions");
        for (BinaryMetric metric : BinaryMetric.values()) {
            assertThat(definitions).as("definition of %s", metric.key()).contains("`" + metric.key() + "`");
            assertThat(section(cli, "metrics")).contains("`" + metric.key() + "`");
        }
        String files = section(cli, "The files of a run");
        for (String metric : MetricSet.NAMES) {
            assertThat(files).as("metric %s in steps.csv", metric).contains("`" + metric + "`");
        }
        assertThat(files).contains("`replicate,step,slice,metric,value`", "`replicate,step,node,kind,detail`",
                "`" + String.join(",", RunFiles.RELIABILITY_HEADER) + "`", "`" + RunFiles.RUN_JSON + "`",
                RunFiles.REPORT);
    }

    @Test
    void everyBenchmarkWorkloadIsListed() {
        String bench = section(read("docs/cli.md"), "bench");
        List<Workload> workloads = new ArrayList<>(StatsWorkloads.all());
        workloads.addAll(DataWorkloads.all());
        workloads.addAll(EngineWorkloads.all());
        for (Workload workload : workloads) {
            assertThat(bench).as("workload %s", workload.name()).contains("`" + workload.name() + "`");
        }
    }

    @Test
    void everyNodeTypeIsDocumentedWithItsParametersAndDefaults() {
        String doc = read("docs/scenarios.md");
        for (NodeType type : NodeCatalog.all()) {
            int start = doc.indexOf("#### `" + type.type() + "`");
            assertThat(start).as("section of node type %s in docs/scenarios.md", type.type()).isNotNegative();
            int end = doc.indexOf("\n#### ", start + 1);
            String text = doc.substring(start, end < 0 ? doc.length() : end);
            for (NodeType.ParamSpec param : type.params()) {
                String def = param.required() ? "required" : param.defaultValue() == null ? "—"
                        : String.valueOf(param.defaultValue()).replace("[]", "none");
                assertThat(text).as("parameter %s of %s", param.name(), type.type())
                        .contains("| `" + param.name() + "` | " + param.kind().name().toLowerCase(Locale.ROOT) + " | "
                                + def + " |");
            }
        }
    }

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void readmeAndDocumentsLinkOnlyToFilesInTheRepository() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        int links = 0;
        for (Path document : documents) {
            Matcher matcher = LINK.matcher(Files.readString(document));
            while (matcher.find()) {
                String target = matcher.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                String file = target.replaceAll("#.*", "");
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                assertThat(resolved.startsWith(ROOT)).as("link %s in %s stays inside the repository", target,
                        ROOT.relativize(document)).isTrue();
                assertThat(resolved).as("link %s in %s", target, ROOT.relativize(document)).exists();
                if (target.contains("#") && resolved.toString().endsWith(".md")) {
                    assertThat(anchors(Files.readString(resolved))).as("anchor of link %s in %s", target,
                            ROOT.relativize(document)).contains(target.substring(target.indexOf('#') + 1));
                }
                links++;
            }
        }
        assertThat(links).as("relative links checked").isGreaterThan(20);
        assertThat(read("README.md")).contains("(docs/cli.md)", "(docs/architecture.md)").doesNotContain("shared/");
    }

    /**
     * The anchors of a Markdown file's headings as GitHub makes them: lower case, everything but letters,
     * digits, spaces, hyphens and underscores dropped, spaces turned into hyphens.
     */
    static List<String> anchors(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
    }

    /** A design note cited without its folder, or from the folder outside the repository. */
    private static final Pattern OUTSIDE_NOTE = Pattern.compile(
            "(?<![\\w/.])(CLI|ARCHITECTURE|STYLE)\\.md|\\b" + "shared" + "/(CLI|ARCHITECTURE|STYLE)");

    @Test
    void commentsCiteOnlyDocumentsInTheRepository() throws IOException {
        List<String> offending = new ArrayList<>();
        for (String source : List.of("src/main/java", "src/test/java", "src/spark/java", "src/spark-test/java")) {
            Path dir = ROOT.resolve(source);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                        if (comment && OUTSIDE_NOTE.matcher(line).find()) {
                            offending.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(offending).as("comments citing a note outside docs/").isEmpty();
    }
}
