package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinbench.report.RunFiles;
import org.twinbench.sim.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runs list|show ID|export ID --out DIR}: reads the run store. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List, show and export recorded runs.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, RunsCommand.ExportRun.class})
public final class RunsCommand implements Runnable {

    @Option(names = "--store", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Run store (default: runs.sqlite in the user's TwinBench folder).")
    Path store;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    RunStore open() {
        Path file = store != null ? store : RunStore.defaultPath();
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no run store yet (run a scenario with 'twinbench run' first)");
        }
        // Read-only: another application's database, a newer store or a damaged one is refused, untouched.
        try {
            return RunStore.openReadOnly(file);
        } catch (IllegalStateException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    static RunStore.StoredRun find(RunStore runs, long id) {
        return runs.find(id).orElseThrow(() -> new UserInputException("no run " + id + " in the run store"));
    }

    /** A run with results; a running, interrupted or failed run has none to show or export. */
    static RunStore.StoredRun findCompleted(RunStore runs, long id) {
        RunStore.StoredRun run = find(runs, id);
        if (!run.completed()) {
            throw new UserInputException("run " + id + " is " + run.status() + ": it has no results (" + run.headline()
                    + ")");
        }
        return run;
    }

    /** {@code runs list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per recorded run.")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            List<RunStore.StoredRun> runs;
            try (RunStore store = parent.open()) {
                runs = store.list();
            }
            PrintWriter out = json.out();
            if (json.enabled()) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                runs.forEach(r -> array.add(describe(r)));
                json.print(array);
            } else {
                for (RunStore.StoredRun r : runs) {
                    // A run without results has no verdict; its status (running, interrupted, failed) takes its place.
                    out.printf(Locale.ROOT, "%4d  %s  %-5s  %s (seed %d, %d steps x %d)  %s%n", r.id(), r.created(),
                            r.completed() ? r.verdict() : r.status(), r.scenarioName(), r.seed(), r.steps(),
                            r.replicates(), r.headline());
                }
            }
            out.flush();
            return TwinBenchCommand.OK;
        }
    }

    static ObjectNode describe(RunStore.StoredRun r) {
        ObjectNode node = Json.object();
        node.put("id", r.id());
        node.put("created", r.created());
        node.put("scenario", r.scenarioName());
        node.put("scenario_file", r.scenarioFile());
        node.put("seed", r.seed());
        node.put("steps", r.steps());
        node.put("replicates", r.replicates());
        node.put("status", r.status().stored());
        node.put("verdict", r.verdict());
        node.put("headline", r.headline());
        return node;
    }

    /** {@code runs show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a run's run.json.")
    static final class ShowRun implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Parameters(paramLabel = "ID", description = "Run id (see 'runs list').")
        long id;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (RunStore store = parent.open()) {
                RunStore.StoredRun run = find(store, id);
                PrintWriter out = spec.commandLine().getOut();
                // A run without results has no run.json: its listing (with the status) stands in.
                out.print(store.text(id, "run_json").orElseGet(() -> Json.write(describe(run))));
                out.flush();
            }
            return TwinBenchCommand.OK;
        }
    }

    /** {@code runs export ID --out DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a run's steps.csv, alarms.csv, reliability.csv, run.json and scenario.twin.json to a folder.",
                    "An interrupted run gives the steps it recorded; its run.json is its listing, status interrupted."})
    static final class ExportRun implements Callable<Integer> {
        @ParentCommand
        RunsCommand parent;

        @Parameters(paramLabel = "ID", description = "Run id (see 'runs list').")
        long id;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
        Path out;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (Files.isRegularFile(out)) {
                throw new UserInputException(out + ": is a file, not a folder");
            }
            OutputPaths.refuseInputsIn("--out", out, OutputPaths.RUN_FILES,
                    List.of(parent.store != null ? parent.store : RunStore.defaultPath()));
            RunStore.StoredRun run;
            try (RunStore store = parent.open()) {
                // An interrupted run (a followed file whose process died) gives the windows it recorded.
                run = find(store, id);
                if (run.status() != org.twinbench.sim.store.RunState.INTERRUPTED || !store.hasSteps(id)) {
                    findCompleted(store, id);
                }
                RunFiles.export(store, id, out, Json.write(describe(run)));
            }
            PrintWriter printer = spec.commandLine().getOut();
            printer.println("exported run " + id + (run.completed() ? "" : " (" + run.headline() + ")") + " to " + out);
            printer.flush();
            return TwinBenchCommand.OK;
        }
    }
}
