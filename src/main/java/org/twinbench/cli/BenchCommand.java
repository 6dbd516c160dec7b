package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinbench.bench.BenchResult;
import org.twinbench.bench.DataWorkloads;
import org.twinbench.bench.EngineWorkloads;
import org.twinbench.bench.StatsWorkloads;
import org.twinbench.bench.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench}: runs the standard benchmark workloads, each against a reference in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the standard benchmark workloads; per workload, rows/s and the ratio to its reference.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Small inputs and few repetitions (a smoke run).")
    boolean quick;

    @Option(names = "--only", paramLabel = "PREFIX", description = "Run only workloads whose name starts with this.")
    String only;

    @Mixin
    JsonOption json;

    static List<Workload> workloads() {
        List<Workload> all = new ArrayList<>();
        all.addAll(StatsWorkloads.all());
        all.addAll(DataWorkloads.all());
        all.addAll(EngineWorkloads.all());
        return all;
    }

    @Override
    public Integer call() {
        PrintWriter out = json.out();
        List<Workload> chosen = workloads().stream()
                .filter(w -> only == null || w.name().startsWith(only)).toList();
        if (chosen.isEmpty()) {
            throw new UserInputException("no workload " + (only == null ? "is registered" : "starts with '" + only + "'"));
        }
        ArrayNode results = Json.MAPPER.createArrayNode();
        if (!json.enabled()) {
            out.printf(Locale.ROOT, "%-40s %14s %10s  %s%n", "workload", "rows/s", "ratio", "reference");
        }
        for (Workload workload : chosen) {
            BenchResult result = workload.run(quick);
            if (json.enabled()) {
                ObjectNode node = results.addObject();
                node.put("workload", result.name());
                node.put("rows", result.rows());
                Json.putNumber(node, "seconds", result.seconds());
                Json.putNumber(node, "rows_per_second", result.rowsPerSecond());
                node.put("reference", result.reference());
                Json.putNumber(node, "reference_seconds", result.referenceSeconds());
                Json.putNumber(node, "ratio", result.ratio());
                node.set("extra", Json.MAPPER.valueToTree(result.extra()));
            } else {
                out.printf(Locale.ROOT, "%-40s %14.0f %10.3f  %s %s%n", result.name(), result.rowsPerSecond(),
                        result.ratio(), result.reference(), result.extra().isEmpty() ? "" : result.extra());
                out.flush();
            }
        }
        if (json.enabled()) {
            ObjectNode root = Json.object();
            root.put("quick", quick);
            root.put("java", System.getProperty("java.version"));
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.set("workloads", results);
            json.print(root);
        }
        out.flush();
        return TwinBenchCommand.OK;
    }
}
