package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.whatif.StepRecorder;
import org.twinbench.sim.whatif.FirstRowsModel;
import org.twinbench.sim.whatif.GroupCounts;
import org.twinbench.sim.whatif.PairedFall;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfQuestion;
import org.twinbench.sim.whatif.WhatIfRun;
import org.twinbench.sim.whatif.WhatIfStudy;
import org.twinbench.sim.whatif.WhatIfVerdict;

/**
 * The guided check of a model of amounts, end to end as the wizard starts it ({@link AmountTrial#run}), finds that
 * retraining every month fixes what a change broke, judged on the same rows, and every figure is scikit-learn's on the
 * very rows the run drew. scikit-learn's diabetes (the 442 patients of {@code sample-data/public/diabetes.csv}, with
 * {@code patient} their row): a ridge regression (λ = 1 on standardised features, all of the first 221 rows) predicts
 * the disease progression; "prices or incomes shift (a lot)" makes {@code bmi}, the most telling number, 50% higher.
 * The test records every draw (step, place, patient, bmi as the model saw it; {@code target/diabetes-draws.csv}, kept
 * as {@code whatif/amounts/draws.csv}); {@code sample-data/scripts/amount_retraining_reference.py} fits scikit-learn's
 * {@code Ridge(alpha=1)} on the same rows — the reference half, and each month's window of drawn rows at the steps the
 * run retrained — and measures the absolute errors of the same draws: MAE 43.59 unchanged, 75.51 after bmi moved,
 * 43.23 retrained, equal to the run's to 2e-3; the paired t interval (retrained against changed:
 * 25.9 to 38.7 less), t and Wilcoxon p (pairs counted as the different rows they stand for, as {@link PairedFall}),
 * and the outcome by the check's rule: fixes.
 */
class AmountRetrainingRunTest {

    private static final Path DIR = Path.of("src/test/resources/whatif/amounts");
    private static final double ERROR_TOLERANCE = 2e-3;
    private static final List<String> FEATURES = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");

    @TempDir
    Path dir;

    /** A draw: its step and place, the patient, bmi as the model saw it, and the model's absolute error. */
    record Draw(int step, int place, int patient, double bmi, double error) { }

    private List<Draw> record(Scenario scenario) {
        try (SimulationPlan compiled = ScenarioCompiler.compile(scenario, dir, new RunListener() { })) {
            List<Draw> draws = new ArrayList<>();
            SimulationEngine.run(new StepRecorder(batch -> {
                Frame rows = batch.rows();
                NumericColumn patient = rows.numeric("patient");
                NumericColumn bmi = rows.numeric("bmi");
                NumericColumn target = rows.numeric("target");
                for (int i = 0; i < rows.rowCount(); i++) {
                    draws.add(new Draw(batch.step(), i, (int) patient.get(i), bmi.get(i),
                            Math.abs(target.get(i) - batch.scores()[i])));
                }
            }).on(compiled), 0, new RunListener() { }, new RunControl());
            return draws;
        }
    }

    @Test
    void diabetesRetrainedEveryMonthAfterBmiMovedIsFixedAsScikitLearnsRidgeOnTheSameDraws() throws IOException {
        Path data = dir.resolve("diabetes.csv");
        Files.copy(DIR.resolve("diabetes.csv"), data);
        Frame frame = TableLoader.load(data).frame();
        Path model = ridgeOfFirstHalf(frame, "target", FEATURES, dir.resolve("diabetes.twinmodel"));
        WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.PRICES_SHIFT, 1.0);
        WhatIfQuestion question = new WhatIfQuestion(data, "target", null, FEATURES, List.of("sex"), List.of(change),
                5, model);

        WhatIfRun.Result result = AmountTrial.run(question, s -> { }, new RunControl());
        WhatIfVerdict everyone = result.verdicts().stream().filter(v -> v.group().equals(AmountTrial.EVERYONE))
                .findFirst().orElseThrow();
        assertThat(everyone.light()).isEqualTo(WhatIfVerdict.Light.RED);
        assertThat(result.retrainingFor(change)).isEqualTo(WhatIfVerdict.Retraining.FIXES);
        assertThat(everyone.sentence()).startsWith("If prices or incomes shift a lot, the model fails for everyone: off "
                + "by about ").endsWith(" — retraining every month would fix it.");

        List<Draw> unchanged = judged(record(WhatIfStudy.baseline(question)));
        List<Draw> changed = judged(record(WhatIfStudy.withChange(question, frame, change)));
        List<Draw> drawn = record(WhatIfStudy.withChangeAndRetraining(question, frame, change));
        List<Draw> retrained = judged(drawn);
        StringBuilder written = new StringBuilder("step,place,patient,bmi\n");
        // From step 5, the first the run's retraining reads (steps 5-8, retrained at 8, serve from 9); bmi to 9 digits.
        for (Draw d : drawn.stream().filter(d -> d.step() >= 5).toList()) {
            written.append(String.format(Locale.ROOT, "%d,%d,%d,%.9g%n", d.step(), d.place(), d.patient(), d.bmi()));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/diabetes-draws.csv"), written);
        assertThat(written.toString()).as("the run's draws changed: copy target/diabetes-draws.csv to %s and run "
                + "sample-data/scripts/amount_retraining_reference.py", DIR.resolve("draws.csv"))
                .isEqualTo(Files.readString(DIR.resolve("draws.csv")));

        // The check's own counts are the recorded draws' errors.
        Map<String, double[]> curves = new HashMap<>();
        GroupCounts before = WhatIfRun.measure(WhatIfStudy.baseline(question), dir, new RunControl(), curves, "today",
                "mae").get(AmountTrial.EVERYONE);
        GroupCounts after = WhatIfRun.measure(WhatIfStudy.withChange(question, frame, change), dir, new RunControl(),
                curves, "change", "mae").get(AmountTrial.EVERYONE);
        GroupCounts again = WhatIfRun.measure(WhatIfStudy.withChangeAndRetraining(question, frame, change), dir,
                new RunControl(), curves, "retrained", "mae").get(AmountTrial.EVERYONE);
        assertThat(before.mae()).isCloseTo(mae(unchanged), within(1e-9));
        assertThat(after.mae()).isCloseTo(mae(changed), within(1e-9));
        assertThat(again.mae()).isCloseTo(mae(retrained), within(1e-9));

        JsonNode e = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        assertThat(e.get("draws").asInt()).isEqualTo(unchanged.size());
        // Smile's ridge and scikit-learn's agree to about 1e-5 of the error (its standardisation inside the fit).
        assertThat(mae(unchanged)).isCloseTo(e.at("/unchanged/mae").asDouble(), within(ERROR_TOLERANCE));
        assertThat(mae(changed)).isCloseTo(e.at("/changed/mae").asDouble(), within(ERROR_TOLERANCE));
        assertThat(mae(retrained)).isCloseTo(e.at("/retrained/mae").asDouble(), within(ERROR_TOLERANCE));
        PairedFall fall = result.falls().get(change);
        PairedFall fromUnchanged = PairedFall.of(before, again);
        PairedFall fromChanged = PairedFall.of(after, again);
        assertPaired(fall, e.get("fall"));
        assertPaired(fromUnchanged, e.get("from_unchanged"));
        assertPaired(fromChanged, e.get("from_changed"));
        assertThat(AmountTrial.retraining(AmountTrial.Errors.of(before), AmountTrial.Errors.of(again), fromUnchanged,
                fromChanged).name()).isEqualTo(e.get("outcome").asText()).isEqualTo("FIXES");
    }

    /** A ridge regression of {@code target} fitted on all of the first half of {@code frame}, written to {@code model}. */
    static Path ridgeOfFirstHalf(Frame frame, String target, List<String> features, Path model) throws IOException {
        return FirstRowsModel.write(frame, frame.rowCount() / 2, target, features, Task.REGRESSION, model);
    }

    /** The draws judged: from the step the change is fully in place. */
    private static List<Draw> judged(List<Draw> draws) {
        return draws.stream().filter(d -> d.step() >= WhatIfStudy.FULL_FROM).toList();
    }

    private static double mae(List<Draw> draws) {
        return draws.stream().mapToDouble(Draw::error).average().orElseThrow();
    }

    private static void assertPaired(PairedFall fall, JsonNode e) {
        assertThat(fall.pairs()).isEqualTo(e.get("n").asLong());
        assertThat(fall.before()).isCloseTo(e.get("before").asDouble(), within(ERROR_TOLERANCE));
        assertThat(fall.after()).isCloseTo(e.get("after").asDouble(), within(ERROR_TOLERANCE));
        assertThat(fall.low()).isCloseTo(e.get("low").asDouble(), within(ERROR_TOLERANCE));
        assertThat(fall.high()).isCloseTo(e.get("high").asDouble(), within(ERROR_TOLERANCE));
        // p-values as small as 1e-19: to 1% of themselves (the ridge's 1e-5 moves the tail that much), or 1e-4.
        assertThat(fall.pValue()).isCloseTo(e.get("p").asDouble(), within(1e-4 + 0.01 * e.get("p").asDouble()));
        assertThat(fall.wilcoxon()).isCloseTo(e.get("wilcoxon_p").asDouble(), within(1e-4 + 0.01
                * e.get("wilcoxon_p").asDouble()));
        assertThat(fall.worse()).isEqualTo(e.get("worse").asBoolean());
        assertThat(fall.better()).isEqualTo(e.get("better").asBoolean());
    }
}
