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
import org.twinbench.report.BranchHistory;
import org.twinbench.report.RunJson;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.LabelsOnlyMetrics;
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
import org.twinbench.sim.whatif.BaseRun;
import org.twinbench.sim.whatif.Branch;
import org.twinbench.sim.whatif.BranchPoint;
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

    @Option(names = "--from-step", paramLabel = "N|DATE",
            description = "Branch a what-if at step N, or at the calendar window holding DATE (YYYY-MM-DD): steps"
                    + " before it are the history as it happened; the scenario's perturbations, policies and"
                    + " challenger apply from there on.")
    String fromStep;

    @Option(names = "--base", paramLabel = "RUN_ID",
            description = "With --from-step: branch from this recorded run of the run store; the scenario must have"
                    + " its source and model nodes and seed, and the history must be the recorded steps.")
    Long base;

    @Option(names = "--idle-exit", paramLabel = "SECONDS",
            description = "With a source that follows its file (follow: true): end the run after this long without"
                    + " new rows; the open window is closed and run first.")
    Double idleExit;

    /** What the run {@code --base} names recorded, copied into the branch before its step. */
    private BranchHistory baseHistory;

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
        BaseRun recorded = base == null ? null : recordedBase();
        if (seed != null || recorded != null) {
            scenario = scenario.withSeed(seed != null ? seed : recorded.seed());
        }
        if (recorded != null) {
            try {
                recorded.checkSameSystem(scenario);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--base " + base + ": " + scenarioFile + " is not the recorded system: "
                        + e.getMessage());
            }
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
        Scenario toCompile = scenario;
        // The plan's model files (ONNX runtime sessions) are released when the run ends, however it ends.
        try (SimulationPlan compiled = inFile(() -> ScenarioCompiler.compile(toCompile, baseDir, new RunListener() {
            @Override
            public void onNote(String note) {
                notes.println("twinbench: note: " + note);
                notes.flush();
            }
        }))) {
            return run(compiled, scenario, dir, gates, recorded, threadCount, notes);
        }
    }

    /** Runs the compiled plan: records it, writes its files and reports. */
    private Integer run(SimulationPlan compiledPlan, Scenario scenario, Path dir, List<RunAssertion> gates,
                        BaseRun recorded, int threadCount, PrintWriter notes) {
        SimulationPlan plan = compiledPlan;
        LabelsOnlyMetrics.refuseGates(gates, compiledPlan);
        if (steps != null) {
            plan = plan.withSteps(steps);
            if (plan.steps() < steps) {
                notes.println("twinbench: note: " + ScenarioCompiler.runsOut(plan.steps(), "--steps " + steps + " asked"));
                notes.flush();
            }
        }
        int branchStep = fromStep == null ? -1 : branchStep(plan);
        if (fromStep != null) {
            plan = branch(plan, branchStep, notes);
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
        RunOutcome ran;
        try {
            RunOutcome outcome = Experiment.run(plan, replicates, threadCount, follow == null ? new RunListener() { }
                    : new FollowedSteps(begun, json), new RunControl());
            if (outcome.status() != RunStatus.COMPLETED) {
                throw new IllegalStateException("the run stopped before its last step");
            }
            ran = recorded == null ? outcome : historyOf(recorded, outcome, branchStep, notes);
        } catch (RuntimeException e) {
            if (begun != null) {
                begun.fail(e.getMessage());
            }
            throw e;
        }
        RunOutcome outcome = ran;
        // A followed file ends when it goes idle: the run made the steps it made.
        int made = outcome.replicates().get(0).size();
        if (follow != null) {
            plan = plan.withSteps(made);
        }
        RunProvenance provenance = follow == null ? asBegun : asBegun.withSteps(made);
        RunRecording.InProgress recording = follow == null || begun == null ? begun : begun.ranSteps(made);
        RunSeries series = RunSeries.of(outcome);
        List<RunAssertion.Verdict> verdicts = gates.stream().map(g -> g.check(outcome, series)).toList();
        RunSummary summary = fromStep == null ? RunSummary.of(outcome, series, verdicts)
                : RunSummary.of(outcome, series, verdicts)
                        .withHeadlinePrefix(Branch.words(plan, branchStep, base) + ". ");
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

    /**
     * The branch with its history before {@code step} copied from the recorded run, once the replay that
     * rebuilt the engine's state at the step is found to be that history (the first replicate, row for row).
     */
    private RunOutcome historyOf(BaseRun recorded, RunOutcome replayed, int step, PrintWriter notes) {
        try {
            recorded.checkHistory(replayed, step);
            RunOutcome spliced = baseHistory.spliced(replayed, step);
            List<Integer> otherwise = baseHistory.replayedOtherwise(replayed, step);
            if (!otherwise.isEmpty()) {
                notes.println("twinbench: note: replicates " + otherwise.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + " replayed another history before step "
                        + step + " than run " + base + " recorded (the scenario draws at random before the branch):"
                        + " they show the recorded history and continue from their own replay");
                notes.flush();
            }
            return spliced;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--base " + base + ": " + e.getMessage());
        }
    }

    /** The step {@code --from-step} names (a number or a date), refused when the run has no such step. */
    private int branchStep(SimulationPlan plan) {
        try {
            return BranchPoint.step(plan, fromStep);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--from-step " + e.getMessage());
        }
    }

    /** The plan branched at {@code step}. */
    private SimulationPlan branch(SimulationPlan plan, int step, PrintWriter notes) {
        if (!Branch.changesAnything(plan)) {
            notes.println("twinbench: note: " + scenarioFile + " has no perturbation, policy or challenger:"
                    + " the branch from step " + step + " is the history itself");
            notes.flush();
        }
        return Branch.from(plan, step);
    }

    /** The scenario's problems each on a line naming the scenario file, as {@code validate} prints them. */
    private <T> T inFile(java.util.function.Supplier<T> compile) {
        try {
            return compile.get();
        } catch (org.twinbench.scenario.ScenarioException e) {
            String file = scenarioFile.toString();
            String message = String.valueOf(e.getMessage());
            if (message.startsWith(file)) {
                throw e;
            }
            throw new org.twinbench.scenario.ScenarioException(java.util.Arrays.stream(message.split("\n"))
                    .map(line -> line.startsWith(file) ? line : file + ": " + line)
                    .collect(java.util.stream.Collectors.joining("\n")), e);
        }
    }

    /** The run {@code --base} names, read from the run store. */
    private BaseRun recordedBase() {
        if (fromStep == null) {
            throw new UserInputException("--base " + base + " needs --from-step: the step or date to branch at");
        }
        Path file = store != null ? store : RunStore.defaultPath();
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("--base " + base + ": " + file + " is no run store yet");
        }
        try (RunStore runs = RunStore.openReadOnly(file)) {
            BaseRun read = BaseRun.read(runs, base);
            baseHistory = BranchHistory.read(runs, base);
            return read;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserInputException("--base " + base + ": " + e.getMessage());
        }
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
                stdout.println("warning: " + provenance.trainingRowsWarning());
            }
            if (id != null) {
                stdout.println("recorded as run " + id + " (twinbench runs show " + id + ")");
            }
            verdicts.stream().filter(RunAssertion.Verdict::passed).forEach(v -> stdout.println(v.describe()));
            org.twinbench.stats.SliceFinder.Result found = outcome.searchedSlices();
            if (found != null) {
                for (int i = 0; i < Math.min(3, found.slices().size()); i++) {
                    stdout.println("worst slice: " + org.twinbench.report.SliceJson.lineCalledOut(found.slices()
                            .get(i), found.errors(), outcome.foundOrNone().sliceBaseline(i)));
                }
            }
            if (outcome.robustness() != null) {
                stdout.println(robustnessLine(outcome.robustness()));
            }
        }
        stdout.flush();
        PrintWriter stderr = json.err();
        verdicts.stream().filter(v -> !v.passed()).forEach(v -> stderr.println("twinbench: gate failed: " + v.describe()));
        stderr.flush();
        return verdicts.stream().allMatch(RunAssertion.Verdict::passed) ? TwinBenchCommand.OK
                : TwinBenchCommand.ASSERT_FAILED;
    }

    /** {@code robustness: weakest worst_radius (shift 0.397 sd), ... on 1000 rows (accuracy 0.95, limit 0.90)}. */
    static String robustnessLine(org.twinbench.sim.RunRobustness r) {
        String weakest = r.overall().features().stream().limit(3).map(f -> TerminalText.oneLine(f.feature()) + " ("
                + (f.swapTo() != null ? (Double.isNaN(f.swapShare()) ? "holds"
                        : String.format(Locale.ROOT, "swap %.3g to %s", f.swapShare(), TerminalText.oneLine(f.swapTo())))
                        : Double.isNaN(f.smallestShift()) ? "holds"
                        : String.format(Locale.ROOT, "shift %.3g sd", f.smallestShift())) + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        return String.format(Locale.ROOT, "robustness: weakest %s on %d rows (%s %.4f, limit %.4f)", weakest,
                r.overall().rows(), r.overall().metric(), r.overall().level(), r.overall().limit());
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
