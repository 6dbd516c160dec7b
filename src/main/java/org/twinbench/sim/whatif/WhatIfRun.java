package org.twinbench.sim.whatif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.SliceMetrics;

/**
 * Runs a {@link WhatIfQuestion}: the baseline and every change, each a normal simulation with the same
 * seed, then compares each group's accuracy once the change has fully arrived. Slow: call it off the
 * UI thread; {@code progress} receives plain-language status lines.
 */
public final class WhatIfRun {

    /**
     * What the wizard shows: verdicts per change and group, overall accuracy per step per scenario,
     * and for each change what retraining every month does (tried only where the change hurts).
     */
    public record Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined,
                         Map<WhatIfChange, WhatIfVerdict.Retraining> retraining) {

        public Result {
            retraining = Map.copyOf(retraining);
        }

        /** A result without retraining tried. */
        public Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined) {
            this(verdicts, overallAccuracy, combined, Map.of());
        }

        /** What retraining every month does for {@code change}. */
        public WhatIfVerdict.Retraining retrainingFor(WhatIfChange change) {
            return retraining.getOrDefault(change, WhatIfVerdict.Retraining.NOT_TRIED);
        }

        /** The one-sentence verdict for {@code change}, with the retraining clause. */
        public String summary(WhatIfChange change) {
            return WhatIfVerdict.summary(change, verdicts, retrainingFor(change));
        }
    }

    private WhatIfRun() {
    }

    public static Result run(WhatIfQuestion question, Consumer<String> progress, RunControl control) {
        progress.accept("Reading your data");
        Frame data = TableLoader.load(question.data()).frame();
        Path baseDir = question.data().toAbsolutePath().getParent();
        Map<String, double[]> curves = new LinkedHashMap<>();
        progress.accept("Checking your model on today's data");
        Map<String, double[]> before = measure(WhatIfStudy.baseline(question), baseDir, control, curves, "today");
        List<WhatIfVerdict> verdicts = new ArrayList<>();
        Map<WhatIfChange, WhatIfVerdict.Retraining> retraining = new LinkedHashMap<>();
        for (WhatIfChange change : question.changes()) {
            if (control.isCancelled()) {
                break;
            }
            String words = change.kind().words() + " (" + change.strengthWords() + ")";
            progress.accept("Trying: " + words);
            Map<String, double[]> after = measure(WhatIfStudy.withChange(question, data, change), baseDir, control,
                    curves, change.kind().words());
            List<WhatIfVerdict> plain = verdicts(change, before, after, null, new ArrayList<>());
            if (plain.stream().anyMatch(v -> v.light() != WhatIfVerdict.Light.GREEN) && !control.isCancelled()) {
                progress.accept("Trying: " + words + ", with " + WhatIfStudy.RETRAINING_WORDS);
                Map<String, double[]> retrained = measure(WhatIfStudy.withChangeAndRetraining(question, data, change),
                        baseDir, control, curves, change.kind().words() + ", " + WhatIfStudy.RETRAINING_WORDS);
                List<WhatIfVerdict.Retraining> outcomes = new ArrayList<>();
                verdicts.addAll(verdicts(change, before, after, retrained, outcomes));
                retraining.put(change, WhatIfVerdict.Retraining.combine(outcomes));
            } else {
                verdicts.addAll(plain);
            }
        }
        return new Result(verdicts, curves, WhatIfStudy.combined(question, data), retraining);
    }

    /**
     * One verdict per group; with {@code retrained} (sums of the same change run with retraining),
     * each group the change hurts ends with what retraining did for it, also added to {@code outcomes}.
     */
    private static List<WhatIfVerdict> verdicts(WhatIfChange change, Map<String, double[]> before,
                                                Map<String, double[]> after, Map<String, double[]> retrained,
                                                List<WhatIfVerdict.Retraining> outcomes) {
        Set<String> groups = new LinkedHashSet<>(before.keySet());
        groups.addAll(after.keySet());
        List<WhatIfVerdict> out = new ArrayList<>();
        for (String group : groups) {
            // A group that only exists after the change (new customers) is compared with everyone.
            double[] b = before.getOrDefault(group, before.get("everyone"));
            double[] a = after.get(group);
            if (a == null || a[1] <= 0) {
                continue;
            }
            WhatIfVerdict verdict = WhatIfVerdict.of(change, group, b[0] / b[1], (long) b[1], a[0] / a[1], (long) a[1]);
            double[] r = retrained == null ? null : retrained.get(group);
            if (r != null && r[1] > 0 && verdict.light() != WhatIfVerdict.Light.GREEN) {
                WhatIfVerdict.Retraining outcome = WhatIfVerdict.retraining(change, group, b[0] / b[1], (long) b[1],
                        a[0] / a[1], (long) a[1], r[0] / r[1], (long) r[1]);
                outcomes.add(outcome);
                verdict = WhatIfVerdict.of(change, group, b[0] / b[1], (long) b[1], a[0] / a[1], (long) a[1], outcome);
            }
            out.add(verdict);
        }
        return out;
    }

    /**
     * Per group ("everyone" for all rows), the right answers and the rows over the steps after the
     * change is complete.
     */
    private static Map<String, double[]> measure(Scenario scenario, Path baseDir, RunControl control,
                                               Map<String, double[]> curves, String curveName) {
        try (SimulationPlan plan = ScenarioCompiler.compile(scenario, baseDir, new RunListener() { })) {
            return measure(plan, control, curves, curveName);
        }
    }

    private static Map<String, double[]> measure(SimulationPlan plan, RunControl control, Map<String, double[]> curves,
                                               String curveName) {
        double[] curve = new double[plan.steps()];
        Map<String, double[]> sums = new LinkedHashMap<>();
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                curve[result.step()] = result.overall().accuracy();
                if (result.step() < WhatIfStudy.FULL_FROM) {
                    return;
                }
                add(sums, "everyone", result.overall().accuracy(), result.overall().n());
                for (SliceMetrics slice : result.slices()) {
                    add(sums, slice.column() + "=" + slice.value(), slice.metrics().accuracy(), slice.metrics().n());
                }
            }
        }, control);
        curves.put(curveName, curve);
        return sums;
    }

    private static void add(Map<String, double[]> sums, String group, double accuracy, int n) {
        if (Double.isNaN(accuracy) || n == 0) {
            return;
        }
        double[] s = sums.computeIfAbsent(group, key -> new double[2]);
        s[0] += accuracy * n;
        s[1] += n;
    }
}
