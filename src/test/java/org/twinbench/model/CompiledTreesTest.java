package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.SampleData;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import smile.classification.DataFrameClassifier;
import smile.data.Tuple;

/** The compiled ensembles score exactly as Smile's own per-row {@code predict} does. */
class CompiledTreesTest {

    private static final List<String> FEATURES = List.of("income", "debt_to_income", "age", "employment_type",
            "region", "credit_history_years", "loan_amount", "term_months");

    @TempDir
    Path dir;

    private Frame loans(int rows, long seed) throws IOException {
        Path file = dir.resolve("loans-" + seed + ".csv");
        SampleData.writeLoans(file, rows, seed);
        return TableLoader.load(file).frame();
    }

    /**
     * Fresh rows with missing income, employment and history (as the generator leaves them), every
     * 7th region missing and every 11th a region the model never saw.
     */
    private Frame freshRows() throws IOException {
        Frame fresh = loans(6_000, 77);
        CategoricalColumn region = fresh.categorical("region").withLevel("moon");
        int[] codes = region.codes().clone();
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i % 7 == 0 ? CategoricalColumn.MISSING : i % 11 == 0 ? region.codeOf("moon") : codes[i];
        }
        return fresh.with(region.withCodes(codes));
    }

    private void assertCompiledEqualsSmile(Algorithm algorithm, int trees) throws IOException {
        Frame train = loans(3_000, 5);
        TreeModel model = (TreeModel) ModelTrainer.train(train, new TrainingOptions(algorithm, "defaulted", FEATURES,
                "yes", 9, trees, ""));
        Frame fresh = freshRows();
        assertThat(fresh.numeric("income").presentValues().length).isLessThan(fresh.rowCount());
        assertThat(fresh.numeric("credit_history_years").presentValues().length).isLessThan(fresh.rowCount());

        // The encoded columns 3.. are the one-hot indicators of employment_type and region.
        CompiledTrees compiled = CompiledTrees.of(model.ensemble(), model.encoder().width());
        FeatureEncoder.Feature employment = model.encoder().features().get(3);
        FeatureEncoder.Feature region = model.encoder().features().get(4);
        int categoricalSplits = 0;
        for (int j = 3; j < 3 + employment.width() + region.width(); j++) {
            categoricalSplits += compiled.splitsOn(j);
        }
        assertThat(categoricalSplits).as("splits on a category").isPositive();
        assertThat(compiled.splitsOn(0)).as("splits on income, which has missing values").isPositive();

        double[] expected = model.scorePositiveWithSmile(fresh);
        double[] actual = model.scorePositive(fresh);
        assertThat(actual).hasSize(fresh.rowCount());
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("row %d", i).isCloseTo(expected[i], within(1e-12));
        }
        // A slice that does not start at a block boundary scores the same rows the same way.
        double[] part = model.scorePositive(fresh.slice(4_000, 4_500));
        for (int i = 0; i < part.length; i++) {
            assertThat(part[i]).isEqualTo(actual[4_000 + i]);
        }
        assertSlicesScoreAlike(fresh, rows -> new double[][] {model.scorePositive(rows)}, new double[][] {actual});
    }

    /**
     * One-row frames and frames that leave a few rows over past the eight walked side by side and past a block
     * ({@value CompiledTrees#BLOCK} rows) score each row as the whole frame did: {@code whole[c][i]} is output
     * {@code c} of row {@code i}, and so is what {@code score} gives.
     */
    private static void assertSlicesScoreAlike(Frame fresh, java.util.function.Function<Frame, double[][]> score,
                                               double[][] whole) {
        int[][] slices = {{0, 1}, {1, 2}, {5_999, 6_000}, {3, 10}, {17, 30}, {100, 100 + CompiledTrees.BLOCK + 1},
            {2_000, 2_000 + 2 * CompiledTrees.BLOCK + 7}};
        for (int[] slice : slices) {
            double[][] part = score.apply(fresh.slice(slice[0], slice[1]));
            for (int c = 0; c < whole.length; c++) {
                for (int i = slice[0]; i < slice[1]; i++) {
                    assertThat(part[c][i - slice[0]]).as("rows %d-%d, row %d", slice[0], slice[1], i)
                            .isEqualTo(whole[c][i]);
                }
            }
        }
    }

    /** {@code p[i][c]} as {@code [c][i]}. */
    private static double[][] byClass(double[][] p) {
        double[][] out = new double[p[0].length][p.length];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < p[i].length; c++) {
                out[c][i] = p[i][c];
            }
        }
        return out;
    }

    @Test
    void compiledRandomForestEqualsSmilesPredictions() throws IOException {
        assertCompiledEqualsSmile(Algorithm.RANDOM_FOREST, 40);
    }

    @Test
    void compiledGradientBoostingEqualsSmilesPredictions() throws IOException {
        assertCompiledEqualsSmile(Algorithm.GRADIENT_BOOSTING, 120);
    }

    /** Regression trees on the loans (predicting the loan amount) score as Smile's per-row predict. */
    private void assertRegressionEqualsSmile(Algorithm algorithm) throws IOException {
        List<String> features = List.of("income", "debt_to_income", "age", "employment_type", "region",
                "credit_history_years", "term_months");
        RegressionModel model = (RegressionModel) TaskTrainer.train(loans(2_000, 8), new TrainingOptions(algorithm,
                "loan_amount", features, null, 4, 60, ""), Task.REGRESSION, TrainingProgress.NONE).model();
        Frame fresh = freshRows();
        double[] actual = model.predict(fresh);
        double[][] x = model.encoder().encode(fresh);
        smile.data.type.StructType schema = TreeModel.encodedSchema(model.encoder().width());
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("row %d", i).isEqualTo(model.regression().predict(Tuple.of(x[i], schema)));
        }
        assertSlicesScoreAlike(fresh, rows -> new double[][] {model.predict(rows)}, new double[][] {actual});
    }

    @Test
    void compiledRegressionForestEqualsSmilesPredictions() throws IOException {
        assertRegressionEqualsSmile(Algorithm.RANDOM_FOREST);
    }

    @Test
    void compiledRegressionBoostingEqualsSmilesPredictions() throws IOException {
        assertRegressionEqualsSmile(Algorithm.GRADIENT_BOOSTING);
    }

    /** Multiclass trees (predicting the region, four classes) give Smile's per-row probabilities. */
    private void assertMulticlassEqualsSmile(Algorithm algorithm) throws IOException {
        List<String> features = List.of("income", "debt_to_income", "age", "employment_type", "credit_history_years",
                "loan_amount", "term_months");
        MulticlassModel model = (MulticlassModel) TaskTrainer.train(loans(2_000, 9), new TrainingOptions(algorithm,
                "region", features, null, 4, 40, ""), Task.MULTICLASS, TrainingProgress.NONE).model();
        assertThat(model.classes()).hasSizeGreaterThanOrEqualTo(3);
        Frame fresh = freshRows();
        double[][] actual = model.probabilities(fresh);
        double[][] x = model.encoder().encode(fresh);
        smile.data.type.StructType schema = TreeModel.encodedSchema(model.encoder().width());
        DataFrameClassifier smile = (DataFrameClassifier) model.classifier();
        double[] expected = new double[model.classes().size()];
        for (int i = 0; i < actual.length; i++) {
            smile.predict(Tuple.of(x[i], schema), expected);
            assertThat(actual[i]).as("row %d", i).containsExactly(expected);
        }
        assertSlicesScoreAlike(fresh, rows -> byClass(model.probabilities(rows)), byClass(actual));
    }

    @Test
    void compiledMulticlassForestEqualsSmilesPredictions() throws IOException {
        assertMulticlassEqualsSmile(Algorithm.RANDOM_FOREST);
    }

    @Test
    void compiledMulticlassBoostingEqualsSmilesPredictions() throws IOException {
        assertMulticlassEqualsSmile(Algorithm.GRADIENT_BOOSTING);
    }

    @Test
    void reloadedBundleScoresWithTheCompiledEnsemble(@TempDir Path out) throws IOException {
        Frame train = loans(2_000, 6);
        TreeModel model = (TreeModel) ModelTrainer.train(train, new TrainingOptions(Algorithm.GRADIENT_BOOSTING,
                "defaulted", FEATURES, "yes", 3, 30, ""));
        Path file = out.resolve("gbm.twinmodel");
        ModelBundle.write(model, file);
        BinaryClassifier reloaded = ModelBundle.read(file);
        Frame fresh = freshRows();
        assertThat(reloaded.scorePositive(fresh)).containsExactly(model.scorePositiveWithSmile(fresh));
    }
}
