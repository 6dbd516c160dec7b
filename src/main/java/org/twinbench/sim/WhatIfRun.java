package org.twinbench.sim;

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
import org.twinbench.stats.SliceMetrics;

/**
 * Runs a {@link WhatIfQuestion}: the baseline and every change, each a normal simulation with the same
 * seed, then compares each group's accuracy once the change has fully arrived. Slow: call it off the
 * UI thread; {@code progress} receives plain-language status lines.
 */
public final class WhatIfRun {

    /** What the wizard shows: verdicts per change and group, and overall accuracy per step per scenario. */
    public record Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined) {
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
        for (WhatIfChange change : question.changes()) {
            if (control.isCancelled()) {
                break;
            }
            progress.accept("Trying: " + change.kind().words() + " (" + change.strengthWords() + ")");
            Map<String, double[]> after = measure(WhatIfStudy.withChange(question, data, change), baseDir, control,
                    curves, change.kind().words());
            Set<String> groups = new LinkedHashSet<>(before.keySet());
            groups.addAll(after.keySet());
            for (String group : groups) {
                // A group that only exists after the change (new customers) is compared with everyone.
                double[] b = before.getOrDefault(group, before.get("everyone"));
                double[] a = after.get(group);
                if (a != null && a[1] > 0) {
                    verdicts.add(WhatIfVerdict.of(change, group, b[0] / b[1], (long) b[1], a[0] / a[1], (long) a[1]));
                }
            }
        }
        return new Result(verdicts, curves, WhatIfStudy.combined(question, data));
    }

    /**
     * Per group ("everyone" for all rows), the right answers and the rows over the steps after the
     * change is complete.
     */
    private static Map<String, double[]> measure(Scenario scenario, Path baseDir, RunControl control,
                                               Map<String, double[]> curves, String curveName) {
        SimulationPlan plan = ScenarioCompiler.compile(scenario, baseDir, new RunListener() { });
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
