package org.twinbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.Seeds;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.monitor.DriftStatistics;
import org.twinbench.sim.monitor.FeatureDriftMonitor;
import org.twinbench.sim.source.DatasetSource;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.SliceMetrics;

/**
 * "Standard scenario": loans data resampled to 1,000,000 rows per replicate (100 steps of 10,000),
 * three perturbations (income recession, a new region, noise on debt-to-income), the logistic model,
 * ADWIN on the error stream, feature drift (mean shift) on 5 features and metrics for the region
 * slices (the four regions of the data, and "central" once it appears). Two replicates are timed with 1 and with 2 threads. The
 * reference is a hand-written loop over primitive arrays doing the same sampling, perturbation
 * arithmetic (the same random streams), scoring (the same model call), detector and metrics; its
 * accuracies are checked to equal the engine's.
 */
final class StandardScenarioWorkload implements Workload {

    private static final int REPLICATES = 2;
    private static final List<String> DRIFT_FEATURES = List.of("income", "debt_to_income", "age",
            "credit_history_years", "loan_amount");

    @Override
    public String name() {
        return "engine.standard-scenario";
    }

    @Override
    public String description() {
        return "loans 1e6 rows x 2 replicates, 3 perturbations, logistic, ADWIN, drift on 5 features, region slices; "
                + "1 vs 2 threads; reference: hand-written loop";
    }

    @Override
    public BenchResult run(boolean quick) {
        int steps = quick ? 10 : 100;
        int batch = quick ? 1_000 : 10_000;
        Path dir = loansFolder();
        SimulationPlan plan = ScenarioCompiler.compile(scenario(batch, steps), dir, new RunListener() { });
        long rows = (long) steps * batch * REPLICATES;
        int reps = quick ? 1 : 5;
        RunOutcome[] outcome = new RunOutcome[1];
        double[][] referenceAccuracy = new double[REPLICATES][];
        Runnable reference = () -> {
            for (int r = 0; r < REPLICATES; r++) {
                referenceAccuracy[r] = handWritten(plan, r);
            }
        };
        // The three are timed in turn, repetition after repetition, so that load from other processes
        // on a shared machine slows all of them alike; the best repetition of each counts.
        // Wall seconds of 1 thread, 2 threads and the loop, then the process's CPU seconds of each (the engine's
        // replicates run on an executor's threads, so the CPU time is the whole JVM's, collector included).
        double[] best = new double[6];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int rep = -1; rep < reps; rep++) {
            double[] one = Timing.bestWithCpu(0, 1, () -> outcome[0] = Experiment.run(plan, REPLICATES, 1,
                    new RunListener() { }, new RunControl()), Timing.PROCESS_CPU);
            double[] two = Timing.bestWithCpu(0, 1, () -> Experiment.run(plan, REPLICATES, 2, new RunListener() { },
                    new RunControl()), Timing.PROCESS_CPU);
            double[] hand = Timing.bestWithCpu(0, 1, reference, Timing.PROCESS_CPU);
            double[] all = {one[0], two[0], hand[0], one[1], two[1], hand[1]};
            for (int i = 0; rep >= 0 && i < all.length; i++) {
                best[i] = Math.min(best[i], all[i]);
            }
        }
        double oneThread = best[0];
        double twoThreads = best[1];
        boolean same = true;
        for (int r = 0; r < REPLICATES; r++) {
            for (int s = 0; s < steps; s++) {
                same &= referenceAccuracy[r][s] == outcome[0].replicates().get(r).get(s).overall().accuracy();
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rows_per_second_2_threads", Math.round(rows / twoThreads));
        extra.put("speedup_2_threads", Math.round(oneThread / twoThreads * 1000) / 1000.0);
        extra.put("same_accuracies_as_reference", same);
        extra.put("cores", Runtime.getRuntime().availableProcessors());
        Timing.putCpu(extra, best[3], best[5]);
        extra.put("cpu_ms_2_threads", Math.round(best[4] * 1e4) / 10.0);
        removeLoansFolder(dir);
        return new BenchResult(name(), rows, oneThread, "hand-written loop, 1 thread", best[2], extra);
    }

    /** A temporary folder holding the loans data the scenario reads (20,000 rows). */
    static Path loansFolder() {
        try {
            Path dir = Files.createTempDirectory("twinbench-bench");
            SampleData.writeLoans(dir.resolve("loans.csv"), 20_000, SampleData.DEFAULT_SEED);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void removeLoansFolder(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("loans.csv"));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }

    static Scenario scenario(int batch, int steps) {
        Scenario base = SampleScenarios.loansRecession(SampleData.DEFAULT_SEED);
        List<ScenarioNode> nodes = new ArrayList<>();
        for (ScenarioNode node : base.nodes()) {
            nodes.add(node.id().equals("loans")
                    ? node.withParam("batch_size", (long) batch).withParam("steps", (long) steps) : node);
        }
        nodes.add(new ScenarioNode("noise", NodeCatalog.GAUSSIAN_NOISE,
                Map.of("columns", List.of("debt_to_income"), "sd", 0.02), 0, 0));
        nodes.add(new ScenarioNode("errors", NodeCatalog.ERROR_DETECTOR, Map.of("detector", "adwin"), 0, 0));
        nodes.add(new ScenarioNode("drift", NodeCatalog.FEATURE_DRIFT, Map.of("features", DRIFT_FEATURES,
                "statistic", "mean-shift"), 0, 0));
        List<ScenarioEdge> edges = new ArrayList<>(base.edges().stream()
                .filter(e -> !e.from().equals("new-region")).toList());
        edges.add(new ScenarioEdge("new-region", "noise"));
        edges.add(new ScenarioEdge("noise", "credit-model"));
        edges.add(new ScenarioEdge("credit-model", "errors"));
        edges.add(new ScenarioEdge("credit-model", "drift"));
        return new Scenario("bench", "", base.seed(), nodes, edges);
    }

    /** The same run as the engine's, written as one loop over primitive arrays; returns accuracy per step. */
    static double[] handWritten(SimulationPlan plan, int replicate) {
        Frame production = ((DatasetSource) plan.source()).production();
        long seed = plan.scenario().seed();
        int batch = ((DatasetSource) plan.source()).batchSize();
        CategoricalColumn regions = production.categorical("region").withLevel("central");
        int central = regions.codeOf("central");
        CategoricalColumn labels = production.categorical("defaulted");
        int positive = labels.codeOf(plan.model().card().positiveLabel());
        org.twinbench.stats.Adwin detector = new org.twinbench.stats.Adwin();
        Map<String, double[]> reference = plan.monitors().stream().filter(m -> m instanceof FeatureDriftMonitor)
                .map(m -> ((FeatureDriftMonitor) m).reference()).findFirst().orElseThrow();
        double[] accuracy = new double[plan.steps()];
        for (int step = 0; step < plan.steps(); step++) {
            SplittableRandom draw = Seeds.random(seed, "loans", replicate, step);
            int[] rows = new int[batch];
            for (int i = 0; i < batch; i++) {
                rows[i] = draw.nextInt(production.rowCount());
            }
            List<Column> columns = new ArrayList<>();
            for (String name : plan.model().card().features()) {
                columns.add(production.column(name).select(rows));
            }
            double[] income = ((NumericColumn) columns.get(0)).values();
            // recession: incremental from 10 to 50, scale 0.7 (CovariateShift's formula)
            double a = step < 10 ? 0 : step >= 50 ? 1 : (step - 10 + 1) / 41.0;
            for (int i = 0; i < batch; i++) {
                income[i] = income[i] * (1 + a * (0.7 - 1));
            }
            // new region: incremental from 20 to 59, share 0.25
            int[] region = new int[batch];
            double p = (step < 20 ? 0 : step >= 59 ? 1 : (step - 20 + 1) / 40.0) * 0.25;
            SplittableRandom mix = Seeds.random(seed, "new-region", replicate, step);
            int[] source = regions.codes();
            for (int i = 0; i < batch; i++) {
                region[i] = source[rows[i]];
                if (p > 0 && mix.nextDouble() < p) {
                    region[i] = central;
                }
            }
            double[] dti = ((NumericColumn) columns.get(1)).values();
            SplittableRandom noise = Seeds.random(seed, "noise", replicate, step);
            for (int i = 0; i < batch; i++) {
                double e = 0.02 * Seeds.gaussian(noise);
                if (!Double.isNaN(dti[i])) {
                    dti[i] += e;
                }
            }
            columns.set(4, new CategoricalColumn("region", region, regions.levels()));
            double[] scores = ((org.twinbench.model.BinaryClassifier) plan.model()).scorePositive(new Frame(columns));
            int[] y = new int[batch];
            int[] codes = labels.codes();
            for (int i = 0; i < batch; i++) {
                y[i] = codes[rows[i]] < 0 ? -1 : codes[rows[i]] == positive ? 1 : 0;
            }
            int n = 0;
            for (int v : y) {
                n += v >= 0 ? 1 : 0;
            }
            int[] yy = new int[n];
            double[] ss = new double[n];
            int[] rr = new int[n];
            for (int i = 0, j = 0; i < batch; i++) {
                if (y[i] >= 0) {
                    yy[j] = y[i];
                    ss[j] = scores[i];
                    rr[j++] = region[i];
                }
            }
            accuracy[step] = ClassificationMetrics.compute(yy, ss, 0.5).accuracy();
            Timing.consume(SliceMetrics.bySlice("region", rr, regions.levels(), yy, ss, 0.5).size());
            for (int i = 0; i < n; i++) {
                detector.update((ss[i] >= 0.5 ? 1 : 0) != yy[i] ? 1 : 0);
            }
            for (String feature : DRIFT_FEATURES) {
                int index = plan.model().card().features().indexOf(feature);
                Timing.consume(DriftStatistics.meanShift(reference.get(feature),
                        ((NumericColumn) columns.get(index)).presentValues()));
            }
        }
        return accuracy;
    }
}
