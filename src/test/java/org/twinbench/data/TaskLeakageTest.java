package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The leakage check for outcomes that are not yes/no, on scikit-learn's wine (178 rows, 3 cultivars) and diabetes
 * (442 rows, an amount): no real feature is flagged, a planted copy of the class or of the amount is.
 */
class TaskLeakageTest {

    private static Frame wine() throws IOException {
        return TableLoader.load(Path.of("src/test/resources/tasks/engine/wine-replay.csv")).frame();
    }

    private static Frame diabetes() throws IOException {
        return TableLoader.load(Path.of("src/test/resources/tasks/engine/diabetes-replay.csv")).frame();
    }

    static final List<String> WINE_FEATURES = List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium",
            "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
            "od280_od315", "proline");

    /**
     * The one-feature tree's training accuracy is scikit-learn's: {@code DecisionTreeClassifier(max_depth=3,
     * min_samples_leaf=5).fit(X[[f]], y).score(X[[f]], y)} (depth ceil(log2 3) + 1 = 3).
     */
    @Test
    void aOneFeatureTreeIsAsAccurateAsScikitLearns() throws IOException {
        Frame wine = wine();
        List<String> classes = ClassLabels.of(wine.column("cultivar"));
        int[] y = ClassLabels.encode(wine.column("cultivar"), classes);
        int[] rows = java.util.stream.IntStream.range(0, y.length).toArray();
        Map<String, Double> sklearn = Map.of("flavanoids", 0.831461, "proline", 0.752809, "color_intensity", 0.764045,
                "alcohol", 0.730337, "ash", 0.550562);
        sklearn.forEach((feature, accuracy) -> assertThat(TaskLeakage.treeAccuracy(
                (NumericColumn) wine.column(feature), y, 3, rows)).as(feature)
                .isCloseTo(accuracy, org.assertj.core.api.Assertions.within(1e-6)));
    }

    @Test
    void aCopyOfTheCultivarIsALeakAndNoRealFeatureIs() throws IOException {
        Frame wine = wine();
        assertThat(DataQuality.leakage(wine, "cultivar", WINE_FEATURES, Task.MULTICLASS)).isEmpty();
        // The class as a number (class_0 -> 0, ...) and as a text: each alone gives it.
        double[] code = new double[wine.rowCount()];
        for (int i = 0; i < code.length; i++) {
            code[i] = Double.parseDouble(wine.categorical("cultivar").get(i).substring("class_".length()));
        }
        Frame planted = wine.with(new NumericColumn("cultivar_code", code));
        List<String> features = new ArrayList<>(WINE_FEATURES);
        features.add("cultivar_code");
        List<QualityFinding> found = DataQuality.leakage(planted, "cultivar", features, Task.MULTICLASS);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("leakage");
            assertThat(f.columns()).containsExactly("cultivar_code", "cultivar");
            // 71 of 178 are class_1: always answering it is right on 39.9%.
            assertThat(f.message()).isEqualTo("feature 'cultivar_code' alone predicts 'cultivar' almost perfectly "
                    + "(a tree on it alone gives it with 100.0% accuracy, against 39.9% always answering 'class_1'); "
                    + "it is probably recorded after the outcome");
        });
    }

    /** Diabetes: the strongest real feature, bmi, explains R² = 0.344 (scipy pearsonr²); target × 2 + 1 all of it. */
    @Test
    void aLinearFunctionOfTheAmountIsALeakAndNoRealFeatureIs() throws IOException {
        Frame diabetes = diabetes();
        List<String> features = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(DataQuality.leakage(diabetes, "target", features, Task.REGRESSION)).isEmpty();
        double[] target = ((NumericColumn) diabetes.column("target")).values();
        double[] twice = new double[target.length];
        double[] cubed = new double[target.length];
        for (int i = 0; i < target.length; i++) {
            twice[i] = target[i] * 2 + 1;
            cubed[i] = Math.pow(target[i] / 100, 3);
        }
        Frame planted = diabetes.with(new NumericColumn("twice", twice)).with(new NumericColumn("cubed", cubed));
        List<String> more = new ArrayList<>(features);
        more.addAll(List.of("twice", "cubed"));
        List<QualityFinding> found = DataQuality.leakage(planted, "target", more, Task.REGRESSION);
        assertThat(found).extracting(QualityFinding::message).containsExactly(
                "feature 'twice' alone predicts 'target' almost perfectly (a straight line of it explains R² = 1.0000 "
                        + "of it); it is probably recorded after the outcome",
                "feature 'cubed' alone predicts 'target' almost perfectly (it orders the rows as 'target' does, "
                        + "Spearman ρ = 1.0000); it is probably recorded after the outcome");
    }
}
