package org.twinbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.twinbench.report.RunFiles;
import org.twinbench.report.RunJson;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunAssertion;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.store.RunStore;
import org.twinbench.sim.sweep.Sweep;
import org.twinbench.sim.sweep.SweepGrid;
import org.twinbench.sim.whatif.Branch;
import org.twinbench.sim.source.FollowSource;
import org.twinbench.scenario.NodeCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: simulates a scenario headless and writes steps.csv, alarms.csv, reliability.csv, run.json and report.html. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario and write DIR/steps.csv, alarms.csv, reliability.csv, run.json and report.html.",
                "Gates: --assert 'min(accuracy[region=north]) >= 0.8' --assert 'count(alarms) <= 3';"
                        + " a failing gate exits with 1."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO", description = "A *.twin.json file.")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Steps to simulate (default: the source's).")
    Integer steps;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "1",
            description = "Monte Carlo replicates, run in parallel (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the replicates (default: the number of cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: <scenario name>-run).")
    Path out;

    @Option(names = "--assert", paramLabel = "EXPR", description = "A gate; may be repeated.")
    List<String> assertions = new ArrayList<>();

    @Mixin
    JsonOption json;

    @Option(names = "--store", paramLabel = "FILE",
            description = "Run store (SQLite) to record the run in (default: runs.sqlite in the user's TwinBench folder).")
    Path store;

    @Option(names = "--no-store", description = "Do not record the run in the run store.")
    boolean noStore;

    @Option(names = "--sweep", paramLabel = "NODE.PARAM=V1,V2,...",
            description = "Sweep a parameter over values (repeat for a grid); writes DIR/sweep.csv, one row per point.")
    List<String> sweeps = new ArrayList<>();

    @Option(names = "--from-step", paramLabel = "N",
            description = "Branch a what-if at step N: steps before N are the history as it happened; the scenario's"
                    + " perturbations, policies and challenger apply from step N on.")
    Integer fromStep;

    @Option(names = "--idle-exit", paramLabel = "SECONDS",
            description = "With a source that follows its file (follow: true): end the run after this long without"
                    + " new rows; the open window is closed and run first.")
    Double idleExit;

    @Override
    public Integer call() {
        List<RunAssertion> gates = assertions.stream().map(RunAssertion::parse).toList();
        CountLimits.replicates(replicates);
        CountLimits.steps(steps);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UserInputException("--threads must be at least 1, not " + threadCount);
        }
        CountLimits.threads(threadCount);
        Path dir = out != null ? out : Path.of(stem(scenarioFile) + "-run");
        if (Files.isRegularFile(dir)) {
            throw new UserInputException(dir + ": is a file, not a folder");
        }
        Scenario scenario = ScenarioFormat.read(scenarioFile);
        OutputPaths.refuseInputsIn("--out", dir, OutputPaths.RUN_FILES, OutputPaths.scenarioInputs(scenarioFile, scenario));
        if (!noStore && store != null) {
            OutputPaths.refuseInputs("--store", store, OutputPaths.scenarioInputs(scenarioFile, scenario));
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        Path baseDir = scenarioFile.toAbsolutePath().getParent();
        if (idleExit != null && !(idleExit > 0 && idleExit <= 86_400)) {
            throw new UserInputException("--idle-exit must be a number of seconds above 0 and at most 86400, not "
                    + idleExit);
        }
        boolean follows = scenario.nodes().stream().anyMatch(n -> n.type().equals(NodeCatalog.DATASET_SOURCE)
                && n.flag("follow"));
        if (!follows && idleExit != null) {
            throw new UserInputException("--idle-exit is for a source that follows its file; " + scenarioFile
                    + " has no source.dataset with follow: true");
        }
        if (follows && (!sweeps.isEmpty() || replicates > 1)) {
            throw new UserInputException(scenarioFile + " follows a growing file: it runs once, without --sweep"
                    + " or --replicates");
        }
        if (!sweeps.isEmpty()) {
            if (!gates.isEmpty()) {
                throw new UserInputException("--assert and --sweep cannot be combined; gate a single scenario");
            }
            if (fromStep != null) {
                throw new UserInputException("--from-step and --sweep cannot be combined; branch a single scenario");
            }
            return sweep(scenario, baseDir, dir, threadCount);
        }
        PrintWriter notes = json.err();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, baseDir, new RunListener() {
            @Override
            public void onNote(String note) {
                notes.println("twinbench: note: " + note);
                notes.flush();
            }
        });
        if (steps != null) {
            plan = plan.withSteps(steps);
            if (plan.steps() < steps) {
                notes.println("twinbench: note: " + ScenarioCompiler.runsOut(plan.steps(), "--steps " + steps + " asked"));
                notes.flush();
            }
        }
        if (fromStep != null) {
            plan = branch(plan, notes);
        }
        FollowSource follow = plan.source() instanceof FollowSource source ? source : null;
        if (follow != null && idleExit != null) {
            follow.idleExit(Duration.ofMillis(Math.round(idleExit * 1000)));
        }
        // The run is in the store from its start, so that a run killed half-way shows as interrupted.
        SimulationPlan compiled = plan;
        Scenario described = scenario;
        RunRecording.InProgress begun = noStore ? null : unlessUnwritable(() -> RunRecording.begin(
                store != null ? store : RunStore.defaultPath(), described, scenarioFile, compiled, replicates));
        RunProvenance asBegun = begun != null ? begun.provenance()
                : RunProvenance.of(scenarioFile, plan, replicates, Instant.now());
        RunOutcome outcome;
        try {
            outcome = Experiment.run(plan, replicates, threadCount, follow == null ? new RunListener() { }
                    : new FollowedSteps(begun, json), new RunControl());
            if (outcome.status() != RunStatus.COMPLETED) {
                throw new IllegalStateException("the run stopped before its last step");
            }
        } catch (RuntimeException e) {
            if (begun != null) {
                begun.fail(e.getMessage());
            }
            throw e;
        }
        // A followed file ends when it goes idle: the run made the steps it made.
        int ran = outcome.replicates().get(0).size();
        if (follow != null) {
            plan = plan.withSteps(ran);
        }
        RunProvenance provenance = follow == null ? asBegun : asBegun.withSteps(ran);
        RunRecording.InProgress recording = follow == null || begun == null ? begun : begun.ranSteps(ran);
        RunSeries series = RunSeries.of(outcome);
        List<RunAssertion.Verdict> verdicts = gates.stream().map(g -> g.check(outcome, series)).toList();
        RunSummary summary = fromStep == null ? RunSummary.of(outcome, series, verdicts)
                : RunSummary.of(outcome, series, verdicts).withHeadlinePrefix(branchWords(plan) + ". ");
        unlessUnwritable(() -> {
            try {
                RunFiles.write(dir, outcome, provenance, summary);
            } catch (RuntimeException e) {
                if (recording != null) {
                    recording.fail("the run's files could not be written: " + e.getMessage());
                }
                throw e;
            }
            if (recording != null) {
                recording.finish(outcome, summary, series);
            }
            return recording;
        });
        return report(plan, dir, provenance, summary, series, outcome, verdicts, recording == null ? null : recording.id());
    }

    /** The plan branched at {@code --from-step}, refused when no such step is run. */
    private SimulationPlan branch(SimulationPlan plan, PrintWriter notes) {
        if (fromStep < 0 || fromStep >= plan.steps()) {
            throw new UserInputException("--from-step must be a step of the run, 0 to " + (plan.steps() - 1)
                    + " (it runs " + plan.steps() + " steps), not " + fromStep);
        }
        if (!Branch.changesAnything(plan)) {
            notes.println("twinbench: note: " + scenarioFile + " has no perturbation, policy or challenger:"
                    + " the branch from step " + fromStep + " is the history itself");
            notes.flush();
        }
        return Branch.from(plan, fromStep);
    }

    private String branchWords(SimulationPlan plan) {
        String window = plan.source().windowStart(fromStep);
        return "What-if from step " + fromStep + (window == null ? "" : " (window " + window + ")");
    }

    /** An unwritable folder or store is the user's to fix: one line, exit 2. */
    private static <T> T unlessUnwritable(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private int report(SimulationPlan plan, Path dir, RunProvenance provenance, RunSummary summary, RunSeries series,
                       RunOutcome outcome, List<RunAssertion.Verdict> verdicts, Long id) {
        PrintWriter stdout = json.out();
        if (json.enabled()) {
            json.print(RunJson.toTree(provenance, summary, series, outcome));
        } else {
            stdout.printf(Locale.ROOT, "%s: %d steps x %d replicates -> %s%n", scenarioFile, plan.steps(), replicates,
                    dir);
            stdout.println(summary.light() + ": " + summary.headline());
            if (provenance.replaysTrainingRows()) {
                stdout.println("warning: " + RunProvenance.REPLAYS_TRAINING_ROWS);
            }
            if (id != null) {
                stdout.println("recorded as run " + id + " (twinbench runs show " + id + ")");
            }
            verdicts.stream().filter(RunAssertion.Verdict::passed).forEach(v -> stdout.println(v.describe()));
            if (outcome.topSlices() != null) {
                outcome.topSlices().slices().stream().limit(3)
                        .forEach(s -> stdout.println("worst slice: " + org.twinbench.report.SliceJson.line(s)));
            }
        }
        stdout.flush();
        PrintWriter stderr = json.err();
        verdicts.stream().filter(v -> !v.passed()).forEach(v -> stderr.println("twinbench: gate failed: " + v.describe()));
        stderr.flush();
        return verdicts.stream().allMatch(RunAssertion.Verdict::passed) ? TwinBenchCommand.OK
                : TwinBenchCommand.ASSERT_FAILED;
    }

    private int sweep(Scenario scenario, Path baseDir, Path dir, int threadCount) {
        Map<String, List<Object>> axes = SweepGrid.ofOptions(sweeps).axes();
        CountLimits.sweep(scenario, axes, replicates);
        List<Sweep.Point> points = Sweep.run(scenario, baseDir, axes, replicates, steps == null ? 0 : steps, threadCount);
        RunFiles.writeSweep(dir.resolve("sweep.csv"), points);
        PrintWriter stdout = json.out();
        if (json.enabled()) {
            com.fasterxml.jackson.databind.node.ArrayNode rows = Json.MAPPER.createArrayNode();
            for (Sweep.Point p : points) {
                com.fasterxml.jackson.databind.node.ObjectNode row = rows.addObject();
                row.set("values", Json.MAPPER.valueToTree(p.values()));
                Json.putNumber(row, "accuracy_mean", p.accuracyMean());
                Json.putNumber(row, "accuracy_last", p.accuracyLast());
                Json.putNumber(row, "accuracy_min", p.accuracyMin());
                Json.putNumber(row, "alarms", p.alarms());
                Json.putNumber(row, "retrains", p.retrains());
                Json.putNumber(row, "rollbacks", p.rollbacks());
            }
            json.print(rows);
        } else {
            for (Sweep.Point p : points) {
                stdout.printf(Locale.ROOT, "%s  accuracy mean %.4f, last %.4f, min %.4f; alarms %.1f, retrains %.1f%n",
                        p.values(), p.accuracyMean(), p.accuracyLast(), p.accuracyMin(), p.alarms(), p.retrains());
            }
            stdout.println("wrote " + dir.resolve("sweep.csv"));
        }
        stdout.flush();
        return TwinBenchCommand.OK;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".twin.json") ? name.substring(0, name.length() - ".twin.json".length()) : name;
    }
}
