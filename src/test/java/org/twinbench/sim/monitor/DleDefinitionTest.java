package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;

/**
 * Direct loss estimation is NannyML's, on real data (scikit-learn's diabetes set, {@code sample-data/public/diabetes.csv}).
 *
 * <p>NannyML's definition (github.com/NannyML/nannyml, {@code nannyml/performance_estimation/direct_loss_estimation/
 * metrics.py}, classes {@code MAE} and {@code RMSE}; read at commit 4c86ee3): {@code _fit} drops the reference rows
 * without a target or a prediction, computes the observation-level loss {@code abs(y_true - y_pred)} (MAE) or {@code
 * np.square(y_true - y_pred)} (RMSE), and trains a second model on {@code reference_data[feature_column_names +
 * [y_pred]]} — the monitored model's features and its prediction — to predict that loss; {@code _estimate} predicts
 * the loss of every row of a chunk, clips it ({@code np.maximum(0, observation_level_estimates)}, "clip negative
 * predictions to 0") and returns {@code np.mean(...)} for the MAE and {@code np.sqrt(np.mean(...))} for the RMSE.
 *
 * <p>The independent computation is {@code sample-data/scripts/dle_diabetes_reference.py}: that definition written
 * with scikit-learn, the monitored model and both loss models each a {@code Ridge(alpha=1)} on columns standardised by
 * their mean and population sd, which is what TwinBench's {@code linear} algorithm fits (Smile's RidgeRegression with
 * λ = 1, docs/tasks.md) — NannyML's learner is LightGBM and the {@code monitor.dle} node's is gradient boosting, neither
 * of which another library reproduces exactly, so here TwinBench's estimator is handed the same learner as the script.
 * Reference: rows 0–241, where the monitored model is fitted; chunks of the rows after it.
 */
class DleDefinitionTest {

    private static final int REFERENCE = 242;

    /**
     * Per chunk, from dle_diabetes_reference.py: estimated MAE and RMSE, and the realised MAE of the monitored model.
     * "bp halved" (rows 242–441 with bp halved, a unit bug) is where the squared-error model predicts a negative loss
     * for 12 rows, which the estimate clips at 0 (unclipped, the script's RMSE would be 40.5934, not 40.8286).
     */
    private static final double[][] SKLEARN = {
        {43.48970552519823, 52.95601750867878, 48.87221485159892},   // rows 242-291
        {44.57879653731869, 53.73142375729377, 41.73378762011189},   // rows 292-341
        {43.06738022459156, 52.46242925881036, 48.39933828266921},   // rows 342-391
        {44.870859401248126, 54.655689376654806, 32.84695036710207}, // rows 392-441
        {52.99111992425471, 62.96737162562207, 49.468234538016894},  // heavy: rows from 242 with bmi >= 30 (49 rows)
        {33.54857092038089, 40.82864290043664, 54.088414044310284},  // bp halved
    };

    @Test
    void estimatesAreNannyMlsDefinitionComputedByScikitLearnOnDiabetes() throws IOException {
        Frame all = TableLoader.load(Path.of("sample-data", "public", "diabetes.csv")).frame();
        List<String> features = all.columnNames().stream().filter(c -> !c.equals("target")).toList();
        Frame reference = all.slice(0, REFERENCE);
        Regressor monitored = (Regressor) TaskTrainer.train(reference, new TrainingOptions(Algorithm.LOGISTIC, "target",
                features, null, 1, 0, "diabetes", 0), Task.REGRESSION, TrainingProgress.NONE).model();
        DleMonitor dle = DleMonitor.fit("dle", reference, features, monitored.predict(reference),
                reference.numeric("target").values(), 1, Double.POSITIVE_INFINITY, Algorithm.LOGISTIC);

        double[] bmi = all.numeric("bmi").values();
        int[] heavy = IntStream.range(REFERENCE, all.rowCount()).filter(i -> bmi[i] >= 30).toArray();
        Frame production = all.slice(REFERENCE, all.rowCount());
        double[] bp = production.numeric("bp").values().clone();
        for (int i = 0; i < bp.length; i++) {
            bp[i] *= 0.5;
        }
        List<Frame> chunks = List.of(all.slice(242, 292), all.slice(292, 342), all.slice(342, 392),
                all.slice(392, 442), all.select(heavy), production.with(new NumericColumn("bp", bp)));
        assertThat(chunks.get(4).rowCount()).isEqualTo(49);
        for (int c = 0; c < chunks.size(); c++) {
            Frame chunk = chunks.get(c);
            double[] predictions = monitored.predict(chunk);
            // The monitored model is scikit-learn's: its realised MAE on the chunk is the script's.
            double[] y = chunk.numeric("target").values();
            double mae = IntStream.range(0, y.length).mapToDouble(i -> Math.abs(y[i] - predictions[i])).average()
                    .orElseThrow();
            assertThat(mae).as("realised MAE of chunk %d", c).isCloseTo(SKLEARN[c][2], withinPercentage(1e-6));
            double[] estimate = dle.estimate(chunk, predictions);
            assertThat(estimate[0]).as("estimated MAE of chunk %d", c).isCloseTo(SKLEARN[c][0], withinPercentage(1e-6));
            assertThat(estimate[1]).as("estimated RMSE of chunk %d", c).isCloseTo(SKLEARN[c][1], withinPercentage(1e-6));
        }
    }
}
