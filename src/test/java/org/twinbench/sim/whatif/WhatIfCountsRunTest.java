package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.SliceMetrics;

/**
 * What the guided check counts in a real run equals what the engine itself measures on the same steps, pooled over
 * the steps after the change has fully arrived: the rows, the share right, the naive guess's share right
 * ({@code baseline.accuracy}, its own monitor), per class the rows and recall ({@code class.support_*},
 * {@code class.recall_*}) and per group the slice metrics; for amounts the MAE and RMSE and {@code baseline.mae}.
 * Real data: UCI wine replayed against a multinomial bundle, the diabetes patients against a ridge bundle
 * ({@code tasks/engine}).
 */
class WhatIfCountsRunTest {

    private static final Path ENGINE = Path.of("src/test/resources/tasks/engine");

    /** Per group ("everyone" or column=value), the sums of n and of metric × n; measures under their own names. */
    private static Map<String, double[]> pooled(Scenario scenario, List<String> metrics) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        try (SimulationPlan plan = ScenarioCompiler.compile(scenario, ENGINE, new RunListener() { })) {
            SimulationEngine.run(plan, 0, new RunListener() {
                @Override
                public void onStep(StepResult result, int totalSteps) {
                    if (result.step() < WhatIfStudy.FULL_FROM) {
                        return;
                    }
                    add(sums, "everyone", result.overall().n(), metrics.stream()
                            .mapToDouble(m -> result.overall().get(m)).toArray());
                    for (SliceMetrics slice : result.slices()) {
                        add(sums, slice.column() + "=" + slice.value(), slice.metrics().n(), metrics.stream()
                                .mapToDouble(m -> slice.metrics().get(m)).toArray());
                    }
                    result.measures().forEach((name, value) -> add(sums, name, 1, new double[] {value}));
                    result.measures().forEach((name, value) -> {
                        if (name.startsWith("class.recall_") && !Double.isNaN(value)) {
                            String kind = name.substring("class.recall_".length());
                            add(sums, "pooled.recall_" + kind, result.measures().get("class.support_" + kind),
                                    new double[] {value});
                        }
                    });
                }
            }, new RunControl());
        }
        return sums;
    }

    private static void add(Map<String, double[]> sums, String key, double n, double[] values) {
        double[] s = sums.computeIfAbsent(key, k -> new double[values.length + 1]);
        s[0] += n;
        for (int i = 0; i < values.length; i++) {
            s[i + 1] += values[i] * n;
        }
    }

    @Test
    void kindsCountedByTheCheckEqualTheEnginesOwnMetricsOnWine() {
        WhatIfQuestion question = new WhatIfQuestion(ENGINE.resolve("wine-replay.csv"), "cultivar", null,
                List.of(), List.of("alcohol_level"), List.of(), 5, ENGINE.resolve("wine-logistic.twinmodel"));
        Scenario scenario = WhatIfStudy.baseline(question);
        Map<String, GroupCounts> counts = WhatIfRun.measure(scenario, ENGINE, new RunControl(), new HashMap<>(),
                "today", "accuracy");
        Map<String, double[]> engine = pooled(scenario, List.of("accuracy"));
        GroupCounts everyone = counts.get("everyone");
        // 18 steps of 400 draws.
        assertThat(everyone.draws()).isEqualTo(18 * 400).isEqualTo((long) engine.get("everyone")[0]);
        assertThat(everyone.accuracy()).isCloseTo(engine.get("everyone")[1] / engine.get("everyone")[0], within(1e-12));
        // The naive guess: the engine's baseline monitor, step by step over the same rows (every step has 400).
        assertThat(everyone.guessAccuracy()).isCloseTo(engine.get("baseline.accuracy")[1] / 18, within(1e-12));
        long[][] confusion = everyone.confusion();
        for (int c = 0; c < everyone.kinds().size(); c++) {
            String kind = everyone.kinds().get(c);
            long labelled = java.util.Arrays.stream(confusion[c]).sum();
            assertThat((double) labelled).as(kind).isCloseTo(engine.get("class.support_" + kind)[1], within(1e-9));
            // Its recall, pooled as Σ recall × support / Σ support.
            assertThat((double) confusion[c][c] / labelled).as(kind).isCloseTo(recall(engine, kind), within(1e-12));
        }
        for (String group : List.of("alcohol_level=high", "alcohol_level=low")) {
            assertThat(counts.get(group).draws()).as(group).isEqualTo((long) engine.get(group)[0]);
            assertThat(counts.get(group).accuracy()).isCloseTo(engine.get(group)[1] / engine.get(group)[0],
                    within(1e-12));
        }
        // 7,200 draws from the 89 replayed wines hold about 89 different ones: the interval is that wide.
        assertThat(everyone.rows()).isEqualTo(89);
        assertThat(everyone.kinds()).containsExactly("class_0", "class_1", "class_2");
    }

    /** A class's recall pooled over the steps from the engine's per-step recall and support. */
    private static double recall(Map<String, double[]> engine, String kind) {
        double[] sums = engine.get("pooled.recall_" + kind);
        return sums[1] / sums[0];
    }

    @Test
    void amountsCountedByTheCheckEqualTheEnginesOwnMetricsOnDiabetes() {
        WhatIfQuestion question = new WhatIfQuestion(ENGINE.resolve("diabetes-replay.csv"), "target", null,
                List.of(), List.of("sex"), List.of(), 5, ENGINE.resolve("diabetes-linear.twinmodel"));
        Scenario scenario = WhatIfStudy.baseline(question);
        Map<String, GroupCounts> counts = WhatIfRun.measure(scenario, ENGINE, new RunControl(), new HashMap<>(),
                "today", "mae");
        Map<String, double[]> engine = pooled(scenario, List.of("mae", "rmse"));
        for (String group : List.of("everyone", "sex=one", "sex=two")) {
            GroupCounts c = counts.get(group);
            double[] e = engine.get(group);
            assertThat(c.draws()).as(group).isEqualTo((long) e[0]);
            assertThat(c.mae()).as(group).isCloseTo(e[1] / e[0], within(1e-9));
        }
        GroupCounts everyone = counts.get("everyone");
        assertThat(everyone.guessMae()).isCloseTo(engine.get("baseline.mae")[1] / 18, within(1e-9));
        assertThat(everyone.beatsGuess()).isTrue();
        assertThat(everyone.rows()).isEqualTo(221);
    }

    @Test
    void aRetrainingThatCannotRefitAWindowKeepsTheModelAndTheCheckGoesOn() {
        // A field that stops being filled leaves the most telling column (s5) empty: refitted on those weeks the ridge
        // regression has a constant column, which the trainer refuses. The retraining keeps the model it has and says
        // why; the run ends normally (it used to end with "The column 'x…' is constant").
        WhatIfChange stops = new WhatIfChange(WhatIfChange.Kind.FIELD_STOPS, 1.0);
        Path bundle = ENGINE.resolve("diabetes-linear.twinmodel");
        WhatIfQuestion question = new WhatIfQuestion(ENGINE.resolve("diabetes-replay.csv"), "target", null,
                org.twinbench.model.ModelBundle.readModel(bundle).card().features(), List.of(), List.of(stops), 5,
                bundle);
        Scenario scenario = WhatIfStudy.withChangeAndRetraining(question,
                org.twinbench.data.TableLoader.load(question.data()).frame(), stops);
        List<String> refused = new java.util.ArrayList<>();
        try (SimulationPlan plan = ScenarioCompiler.compile(scenario, ENGINE, new RunListener() { })) {
            SimulationEngine.run(plan, 0, new RunListener() {
                @Override
                public void onStep(StepResult result, int totalSteps) {
                    result.alarms().stream().filter(a -> a.detail().startsWith("could not retrain"))
                            .forEach(a -> refused.add(a.detail()));
                }
            }, new RunControl());
        }
        assertThat(refused).isNotEmpty().allSatisfy(detail -> assertThat(detail)
                .contains("the rows cannot refit the model: ").endsWith("; kept the previous model"));
    }
}
