package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.stats.WilsonInterval;

/**
 * The model card keeps a regression's holdout MAE and RMSE intervals as training measured them: trained on
 * scikit-learn's diabetes set, written to a bundle and read back, the card holds exactly the intervals
 * {@code train --json} prints ({@code holdout_intervals}), and {@link HoldoutIntervals#of} gives them with a
 * multiclass card's Wilson accuracy interval (wine). A malformed field is refused naming it.
 */
class ModelCardIntervalsTest {

    private static final Path ENGINE = Path.of("src/test/resources/tasks/engine");

    private static TaskTrainer.Result train(String file, String target, Task task) throws Exception {
        Frame frame = TableLoader.load(ENGINE.resolve(file)).frame();
        List<String> features = frame.columnNames().stream().filter(n -> !n.equals(target) && !n.equals("row")).toList();
        return TaskTrainer.train(frame, new TrainingOptions(Algorithm.LOGISTIC, target, features, null, 7, 50, ""),
                task, TrainingProgress.NONE);
    }

    @Test
    void aRegressionCardKeepsItsBootstrapIntervalsThroughItsBundle(@TempDir Path dir) throws Exception {
        TaskTrainer.Result trained = train("diabetes-train.csv", "target", Task.REGRESSION);
        assertThat(trained.amountIntervals()).containsOnlyKeys("mae", "rmse");
        Path file = dir.resolve("d.twinmodel");
        ModelBundle.write(trained.model(), file);
        ModelCard card = ModelBundle.readModel(file).card();
        assertThat(card.holdoutIntervals()).containsOnlyKeys("mae", "rmse");
        for (String metric : List.of("mae", "rmse")) {
            double[] printed = trained.amountIntervals().get(metric);
            assertThat(card.holdoutIntervals().get(metric)).isEqualTo(new ModelCard.Interval(printed[0], printed[1]));
            assertThat(HoldoutIntervals.of(card).get(metric)).containsExactly(printed);
            // The figure itself lies inside its interval.
            assertThat(card.holdoutMetrics().get(metric)).isBetween(printed[0], printed[1]);
        }
    }

    @Test
    void aMulticlassCardHasItsAccuracysWilsonInterval() throws Exception {
        ModelCard card = train("wine-train.csv", "cultivar", Task.MULTICLASS).model().card();
        assertThat(card.holdoutIntervals()).isEmpty();
        double accuracy = card.holdoutMetrics().get("accuracy");
        assertThat(HoldoutIntervals.of(card)).containsOnlyKeys("accuracy");
        assertThat(HoldoutIntervals.of(card).get("accuracy"))
                .containsExactly(WilsonInterval.of(accuracy, card.holdoutRows()));
    }

    @Test
    void aMalformedIntervalIsRefusedNamingIt() throws Exception {
        TaskTrainer.Result trained = train("diabetes-train.csv", "target", Task.REGRESSION);
        ObjectNode json = ModelCardJson.write(trained.model(), "0".repeat(64), "x");
        ((ObjectNode) json.get("holdout_intervals").get("mae")).put("lower", 1e9);
        assertThatThrownBy(() -> ModelCardJson.read(json, "model.json"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model.json: holdout_intervals.mae: lower 1.0E9 is above upper");
        ((ObjectNode) json.get("holdout_intervals")).put("rmse", "wide");
        ((ObjectNode) json.get("holdout_intervals").get("mae")).put("lower", 1.0);
        assertThatThrownBy(() -> ModelCardJson.read(json, "model.json"))
                .hasMessage("model.json: holdout_intervals.rmse: must be {\"lower\": number, \"upper\": number}");
    }
}
