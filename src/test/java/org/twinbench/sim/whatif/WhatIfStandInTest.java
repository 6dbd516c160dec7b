package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;

/**
 * A model given as ONNX cannot be retrained here: where the check tries retraining every month it retrains a stand-in
 * of the same task built from the first half of the rows on the model's columns — a multinomial logistic regression
 * for kinds (iris), a ridge regression for amounts (diabetes), never a yes/no model — and says so. Real exported
 * models and data: {@code onnx-exported}.
 */
class WhatIfStandInTest {

    private static final Path ONNX = Path.of("src/test/resources/onnx-exported");

    @TempDir
    Path dir;

    private Path given(String name) throws Exception {
        Files.copy(ONNX.resolve(name), dir.resolve(name));
        Files.copy(ONNX.resolve(name + ".json"), dir.resolve(name + ".json"));
        return dir.resolve(name);
    }

    private static WhatIfQuestion question(Path data, String target, List<String> features, Path model) {
        return new WhatIfQuestion(data, target, null, features, List.of(),
                List.of(new WhatIfChange(WhatIfChange.Kind.ENTRY_MISTAKES, 1.0)), 3, model);
    }

    /** The stand-in's scenario with retraining compiles with a refittable model of {@code task} and the retraining. */
    private static TaskModel retrained(WhatIfStudy.StandIn standIn, Frame data, Path baseDir, Task task) {
        Scenario scenario = WhatIfStudy.withChangeAndRetraining(standIn.question(), data,
                standIn.question().changes().get(0));
        assertThat(scenario.node("your-model").orElseThrow().type()).isEqualTo(NodeCatalog.MODEL_BUNDLE);
        try (SimulationPlan plan = ScenarioCompiler.compile(scenario, baseDir, new RunListener() { })) {
            assertThat(plan.model().task()).isEqualTo(task);
            assertThat(plan.policies()).hasSize(1);
            return plan.model();
        }
    }

    @Test
    void anOnnxModelOfKindsIsRetrainedAsAMultinomialStandIn() throws Exception {
        Path data = Path.of("src/test/resources/wizard/wine-shuffled.csv");
        Frame frame = TableLoader.load(data).frame();
        Path onnx = given("wine-labels.onnx");
        List<String> features = ModelBundleFeatures.of(onnx);
        WhatIfStudy.StandIn standIn = WhatIfStudy.standIn(question(data, "cultivar", features, onnx), frame);
        assertThat(standIn.question().model().toString()).endsWith(".twinmodel");
        assertThat(standIn.question().positive()).isNull();
        TaskModel model = ModelBundle.readModel(standIn.question().model());
        assertThat(model.task()).isEqualTo(Task.MULTICLASS);
        assertThat(model.card().classes()).containsExactly("class_0", "class_1", "class_2");
        assertThat(model.card().features()).containsExactlyElementsOf(features);
        // Learnt from the first 89 of the 178 wines only (the past the check replays against).
        assertThat(model.card().trainingRows()).isEqualTo(89);
        assertThat(standIn.words()).isEqualTo("(An ONNX file cannot be retrained here: what was retrained every month "
                + "is a multinomial logistic regression built from the first half of your rows on the same columns as "
                + "your model, standing in for it; whoever made your model can retrain it.)");
        retrained(standIn, frame, data.getParent(), Task.MULTICLASS);
    }

    @Test
    void noStandInIsBuiltFromAFirstHalfThatLacksAKindAndTheCheckSaysWhy() throws Exception {
        // The exported iris.csv is sorted by species: its first 75 rows hold no virginica.
        Path data = ONNX.resolve("iris.csv");
        List<String> features = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
        WhatIfStudy.StandIn standIn = WhatIfStudy.standIn(question(data, "species", features,
                given("iris-logistic.onnx")), TableLoader.load(data).frame());
        assertThat(standIn.question()).isNull();
        assertThat(standIn.words()).isEqualTo("(An ONNX file cannot be retrained here, and no stand-in could be built for"
                + " it: the first half of your rows never has “virginica” as species, so retraining was not tried. Your "
                + "rows may be sorted by it: shuffle them, or sort them by date.)");
    }

    @Test
    void anOnnxModelOfAmountsIsRetrainedAsARidgeStandIn() throws Exception {
        Path data = Path.of("sample-data/public/diabetes.csv");
        Frame frame = TableLoader.load(data).frame();
        Path onnx = given("diabetes-linear.onnx");
        List<String> features = ModelBundleFeatures.of(onnx);
        WhatIfStudy.StandIn standIn = WhatIfStudy.standIn(question(data, "target", features, onnx), frame);
        TaskModel model = ModelBundle.readModel(standIn.question().model());
        assertThat(model.task()).isEqualTo(Task.REGRESSION);
        assertThat(standIn.words()).contains("what was retrained every month is a ridge regression built from the "
                + "first half of your rows");
        retrained(standIn, frame, data.getParent(), Task.REGRESSION);
    }

    @Test
    void aModelThatCanBeRetrainedIsItsOwnStandInAndTheSummarySaysNothingMore() throws Exception {
        WhatIfQuestion question = question(ONNX.resolve("iris.csv"), "species", List.of("sepal_length"), null);
        WhatIfStudy.StandIn standIn = WhatIfStudy.standIn(question, TableLoader.load(question.data()).frame());
        assertThat(standIn.question()).isSameAs(question);
        assertThat(standIn.words()).isEmpty();
    }

    @Test
    void theSummaryNamesTheStandInOnlyWhereRetrainingWasTried() {
        WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5);
        List<WhatIfVerdict> verdicts = List.of(WhatIfVerdict.of(change, "everyone", 0.95, 400, 0.80, 400,
                WhatIfVerdict.Retraining.FIXES));
        WhatIfRun.Result tried = new WhatIfRun.Result(verdicts, Map.of(), null, Map.of(change,
                WhatIfVerdict.Retraining.FIXES), Map.of(), "species", "(A stand-in.)");
        assertThat(tried.summary(change)).isEqualTo("If a season comes round (quite a bit), the model fails for "
                + "everyone — retraining every month would fix it. Everyone: right only about 80 times out of 100 instead "
                + "of 95 times out of 100. (A stand-in.)");
        WhatIfRun.Result untried = new WhatIfRun.Result(List.of(WhatIfVerdict.of(change, "everyone", 0.95, 400, 0.95,
                400)), Map.of(), null, Map.of(), Map.of(), "species", "(A stand-in.)");
        assertThat(untried.summary(change)).doesNotContain("stand-in");
    }

    /** The columns an ONNX model reads, from its sidecar card. */
    private static final class ModelBundleFeatures {
        static List<String> of(Path onnx) {
            TaskModel model = org.twinbench.model.ModelFiles.loadAny(onnx);
            try {
                return model.card().features();
            } finally {
                if (model instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
