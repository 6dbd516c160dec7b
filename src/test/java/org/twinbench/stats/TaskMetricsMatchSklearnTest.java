package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * Regression and multiclass metrics and their baselines against scikit-learn 1.2.1 on real data shipped
 * by Debian's python3-sklearn (diabetes: a Ridge's holdout predictions; wine: a two-feature logistic
 * regression's classes and probabilities). Reference values: sample-data/scripts/task_metrics_reference.py
 * ({@code mean_absolute_error}, {@code r2_score}, {@code mean_absolute_percentage_error},
 * {@code balanced_accuracy_score}, {@code f1_score(average=macro|weighted)}, {@code log_loss(eps=1e-15)},
 * {@code precision_recall_fscore_support}, {@code confusion_matrix}).
 */
class TaskMetricsMatchSklearnTest {

    static final Path DIR = Path.of("src", "test", "resources", "tasks");
    private static final double TOLERANCE = 1e-9;

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    }

    @Test
    void regressionMetricsAndTheMeanBaselineMatchScikitLearnOnDiabetes() throws IOException {
        Frame frame = TableLoader.load(DIR.resolve("diabetes-predictions.csv")).frame();
        double[] y = frame.numeric("target").values();
        double[] p = frame.numeric("prediction").values();
        JsonNode overall = expected().get("regression").get("overall");
        assertRegression(RegressionMetrics.compute(y, p), Baseline.mean(y, y), overall);
        for (String sex : List.of("one", "two")) {
            int[] rows = IntStream.range(0, y.length).filter(i -> frame.categorical("sex").get(i).equals(sex)).toArray();
            double[] ys = IntStream.of(rows).mapToDouble(i -> y[i]).toArray();
            double[] ps = IntStream.of(rows).mapToDouble(i -> p[i]).toArray();
            assertRegression(RegressionMetrics.compute(ys, ps), Baseline.mean(ys, ys),
                    expected().get("regression").get("slices").get(sex));
        }
    }

    private static void assertRegression(RegressionMetrics m, Baseline baseline, JsonNode want) {
        assertThat(m.n()).isEqualTo(want.get("n").asInt());
        assertThat(m.mae()).isCloseTo(want.get("mae").asDouble(), within(TOLERANCE));
        assertThat(m.rmse()).isCloseTo(want.get("rmse").asDouble(), within(TOLERANCE));
        assertThat(m.r2()).isCloseTo(want.get("r2").asDouble(), within(TOLERANCE));
        assertThat(m.mape()).isCloseTo(want.get("mape").asDouble(), within(TOLERANCE));
        assertThat(baseline.value()).isCloseTo(want.get("baseline").get("mean").asDouble(), within(TOLERANCE));
        assertThat(baseline.metrics().get("mae")).isCloseTo(want.get("baseline").get("mae").asDouble(), within(TOLERANCE));
        assertThat(baseline.metrics().get("rmse")).isCloseTo(want.get("baseline").get("rmse").asDouble(),
                within(TOLERANCE));
    }

    @Test
    void multiclassMetricsAndTheMajorityBaselineMatchScikitLearnOnWine() throws IOException {
        Frame frame = TableLoader.load(DIR.resolve("wine-predictions.csv")).frame();
        List<String> classes = ClassLabels.of(frame.column("cultivar"));
        assertThat(classes).containsExactly("class_0", "class_1", "class_2");
        int[] y = ClassLabels.encode(frame.column("cultivar"), classes);
        int[] p = ClassLabels.encode(frame.column("prediction"), classes);
        double[][] proba = new double[y.length][3];
        for (int c = 0; c < 3; c++) {
            double[] column = frame.numeric("p_" + classes.get(c)).values();
            for (int i = 0; i < y.length; i++) {
                proba[i][c] = column[i];
            }
        }
        assertMulticlass(y, p, proba, classes, expected().get("multiclass").get("overall"));
        for (String level : List.of("high", "low")) {
            int[] rows = IntStream.range(0, y.length)
                    .filter(i -> frame.categorical("alcohol_level").get(i).equals(level)).toArray();
            assertMulticlass(IntStream.of(rows).map(i -> y[i]).toArray(), IntStream.of(rows).map(i -> p[i]).toArray(),
                    IntStream.of(rows).mapToObj(i -> proba[i]).toArray(double[][]::new), classes,
                    expected().get("multiclass").get("slices").get(level));
        }
    }

    private static void assertMulticlass(int[] y, int[] p, double[][] proba, List<String> classes, JsonNode want) {
        MulticlassMetrics m = MulticlassMetrics.compute(y, p, proba, classes);
        assertThat(m.n()).isEqualTo(want.get("n").asInt());
        for (String key : MulticlassMetrics.NAMES) {
            assertThat(m.asMap().get(key)).as(key).isCloseTo(want.get(key).asDouble(), within(TOLERANCE));
        }
        for (int c = 0; c < classes.size(); c++) {
            for (int q = 0; q < classes.size(); q++) {
                assertThat(m.confusion()[c][q]).isEqualTo(want.get("confusion_matrix").get(c).get(q).asLong());
            }
            String name = classes.get(c);
            assertThat(m.precision()[c]).isCloseTo(want.get("precision").get(name).asDouble(), within(TOLERANCE));
            assertThat(m.recall()[c]).isCloseTo(want.get("recall").get(name).asDouble(), within(TOLERANCE));
        }
        Baseline baseline = Baseline.majority(y, y, classes);
        JsonNode base = want.get("baseline");
        assertThat(baseline.answer()).isEqualTo(base.get("class").asText());
        for (String key : List.of("accuracy", "balanced_accuracy", "macro_f1")) {
            assertThat(baseline.metrics().get(key)).as("baseline " + key).isCloseTo(base.get(key).asDouble(),
                    within(TOLERANCE));
        }
    }

    @Test
    void mapeIsUndefinedWhenALabelIsZeroAndTheBaselineCallsOutAModelNoBetter() {
        assertThat(RegressionMetrics.compute(new double[] {0, 2}, new double[] {1, 2}).mape()).isNaN();
        // sklearn: mean_absolute_percentage_error([3, -0.5, 2, 7], [2.5, 0, 2, 8]) = 0.3273809523809524
        assertThat(RegressionMetrics.compute(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0, 2, 8}).mape())
                .isCloseTo(0.3273809523809524, within(1e-15));
        // 86 'no' and 14 'yes': always answering 'no' is right 86% of the time; a model right 80% is no better.
        int[] labels = IntStream.range(0, 100).map(i -> i < 86 ? 0 : 1).toArray();
        Baseline majority = Baseline.majority(labels, labels, List.of("no", "yes"));
        assertThat(majority.noBetter(java.util.Map.of("accuracy", 0.80)))
                .startsWith("no better than always answering 'no', which is right 86% of the time");
        assertThat(majority.noBetter(java.util.Map.of("accuracy", 0.90))).isNull();
    }
}
