package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --json}'s holdout figures and naive baseline, on scikit-learn's diabetes (442 rows, the default 20%
 * holdout, seed 1), against scikit-learn 1.2.1 on the same rows. The holdout is the 88 rows the documented split
 * draws (Fisher–Yates over the row numbers with {@code SplittableRandom(1)}, the first round(0.2 · 442) held out):
 * rows 8 11 16 25 28 35 50 60 63 64 70 77 82 90 92 97 98 99 111 114 115 116 119 120 122 136 137 139 140 141 151 155
 * 157 162 163 172 173 175 176 182 186 188 189 192 193 194 205 207 213 217 221 222 225 233 237 243 246 250 254 291 292
 * 307 308 314 326 330 332 339 344 348 359 364 369 377 381 391 392 398 403 410 420 423 424 425 426 431 434 436.
 * Expected: {@code mean_absolute_error}, {@code sqrt(mean_squared_error)}, {@code r2_score} and
 * {@code mean_absolute_percentage_error} of the labels and the model's predictions on those rows (the predictions
 * {@code score} writes); the baseline is {@code DummyRegressor()} fitted on the other 354 rows and measured on
 * the 88 — wholly independent of TwinBench's model.
 */
class TrainHoldoutSklearnTest {

    @TempDir
    Path dir;

    @Test
    void diabetesHoldoutFiguresAndMeanBaselineAreScikitLearns() throws IOException {
        CliRunner run = CliRunner.run("train", "--data", TaskCommandsTest.DIABETES, "--out",
                dir.resolve("d.twinmodel").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("training_rows").asInt()).isEqualTo(354);
        assertThat(card.get("holdout_rows").asInt()).isEqualTo(88);
        JsonNode holdout = card.get("holdout_metrics");
        assertThat(holdout.get("mae").asDouble()).isCloseTo(44.888916958989505, within(1e-9));
        assertThat(holdout.get("rmse").asDouble()).isCloseTo(54.50278508416166, within(1e-9));
        assertThat(holdout.get("r2").asDouble()).isCloseTo(0.5242616280556427, within(1e-12));
        assertThat(holdout.get("mape").asDouble()).isCloseTo(0.3824566485152616, within(1e-12));
        JsonNode baseline = card.get("baseline");
        assertThat(baseline.get("kind").asText()).isEqualTo("mean");
        assertThat(baseline.get("mean").asDouble()).isCloseTo(151.79661016949152, within(1e-9));
        assertThat(baseline.get("mae").asDouble()).isCloseTo(67.70627889060091, within(1e-9));
        assertThat(baseline.get("rmse").asDouble()).isCloseTo(79.03767286933711, within(1e-9));
        assertThat(baseline.get("r2").asDouble()).isCloseTo(-0.0004585059286545956, within(1e-12));
        assertThat(baseline.get("mape").asDouble()).isCloseTo(0.5961063296321049, within(1e-12));
    }

    /**
     * R's Glass (mlbench; 214 rows, six types) with a random forest: the holdout is stratified (per type in class
     * order 1, 2, 3, 5, 6, 7, one {@code SplittableRandom(1)} shuffling each type's rows in turn, round(0.2 · n)
     * of each held out): rows 0 10 15 21 22 28 41 51 52 54 55 56 65 67 70 72 80 90 93 97 111 115 116 127 129 132 135
     * 141 144 147 152 156 163 173 175 178 179 187 188 202 204 207 213. Expected: scikit-learn 1.2.1's
     * {@code accuracy_score}, {@code balanced_accuracy_score}, {@code f1_score(average="macro"|"weighted",
     * zero_division=0)}, {@code log_loss(labels=classes)} and {@code confusion_matrix} of the labels and the model's
     * predictions and probabilities on those rows (as {@code score} writes them); the baseline is
     * {@code DummyClassifier(strategy="most_frequent")} fitted on the other 171 rows ('2') and measured on the 43.
     */
    @Test
    void glassHoldoutFiguresAndMajorityBaselineAreScikitLearns() throws IOException {
        CliRunner run = CliRunner.run("train", "--data", "src/test/resources/rdata/glass.csv", "--algo",
                "random-forest", "--out", dir.resolve("g.twinmodel").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("task").asText()).isEqualTo("multiclass");
        assertThat(card.get("target").asText()).isEqualTo("Type");
        assertThat(card.get("holdout_rows").asInt()).isEqualTo(43);
        JsonNode holdout = card.get("holdout_metrics");
        assertThat(holdout.get("accuracy").asDouble()).isCloseTo(0.7209302325581395, within(1e-12));
        assertThat(holdout.get("balanced_accuracy").asDouble()).isCloseTo(0.6992063492063493, within(1e-12));
        assertThat(holdout.get("macro_f1").asDouble()).isCloseTo(0.719603272544449, within(1e-12));
        assertThat(holdout.get("weighted_f1").asDouble()).isCloseTo(0.7175380023533238, within(1e-12));
        assertThat(holdout.get("log_loss").asDouble()).isCloseTo(1.0052193070967945, within(1e-12));
        assertThat(holdout.get("confusion_matrix").toString()).isEqualTo(
                "[[13,1,0,0,0,0],[5,9,0,1,0,0],[1,0,2,0,0,0],[0,1,0,1,0,1],[0,0,0,0,2,0],[1,0,0,1,0,4]]");
        JsonNode baseline = card.get("baseline");
        assertThat(baseline.get("kind").asText()).isEqualTo("majority");
        assertThat(baseline.get("class").asText()).isEqualTo("2");
        assertThat(baseline.get("accuracy").asDouble()).isCloseTo(0.3488372093023256, within(1e-12));
        assertThat(baseline.get("balanced_accuracy").asDouble()).isCloseTo(0.16666666666666666, within(1e-12));
        assertThat(baseline.get("macro_f1").asDouble()).isCloseTo(0.08620689655172414, within(1e-12));
    }
}
