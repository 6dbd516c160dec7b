package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model card says how far its holdout figures go, on real data: 95% Wilson intervals equal to statsmodels'
 * proportion_confint(method='wilson') (src/test/resources/holdout/make_data.py), and a 6-row holdout whose
 * point accuracy beats the baseline is said to be unable to tell the model from it.
 */
class TrainHoldoutIntervalsTest {

    static final String SPECTOR = "src/test/resources/holdout/spector.csv";
    static final String ANES = "src/test/resources/file-order/anes96.csv";

    @Test
    void thirtyTwoStudentsLeaveSixHoldoutRowsThatCannotTellTheModelFromTheMajority(@TempDir Path dir) throws Exception {
        CliRunner run = CliRunner.run("train", "--data", SPECTOR, "--out", dir.resolve("m.twinmodel").toString(),
                "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("holdout_rows").asInt()).isEqualTo(6);
        // The bundle keeps the holdout's size, so every later reader of the card can say it too.
        assertThat(org.twinbench.model.ModelBundle.readModel(dir.resolve("m.twinmodel")).card().holdoutRows())
                .isEqualTo(6);
        assertThat(card.at("/holdout_metrics/accuracy").asDouble()).isEqualTo(5 / 6.0, within(1e-12));
        assertThat(card.at("/holdout_intervals/accuracy/lower").asDouble()).isEqualTo(0.43649717781352965, within(1e-12));
        assertThat(card.at("/holdout_intervals/accuracy/upper").asDouble()).isEqualTo(0.9699466302516933, within(1e-12));
        assertThat(card.at("/holdout_intervals/recall/lower").asDouble()).isEqualTo(0.342380227506653, within(1e-12));
        assertThat(card.at("/holdout_intervals/recall/upper").asDouble()).isEqualTo(1.0, within(1e-12));
        assertThat(card.get("no_better_than_baseline")).isNull();
        assertThat(card.get("indistinct_from_baseline").asText()).isEqualTo("on 6 holdout rows the model's accuracy"
                + " 0.83 (95% interval 0.44–0.97) cannot be told from always answering '0' (0.67)");

        CliRunner text = CliRunner.run("train", "--data", SPECTOR, "--out", dir.resolve("t.twinmodel").toString());
        assertThat(text.out()).contains("holdout: 6 rows (few: its figures are rough)")
                .contains("holdout accuracy          0.8333   baseline 0.6667   95% interval 0.4365–0.9699")
                .contains("warning: on 6 holdout rows");
    }

    @Test
    void aLargerHoldoutGivesNarrowIntervalsAndNoWarning(@TempDir Path dir) throws Exception {
        CliRunner run = CliRunner.run("train", "--data", ANES, "--target", "vote", "--out",
                dir.resolve("vote.twinmodel").toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("holdout_rows").asInt()).isEqualTo(189);
        assertThat(card.at("/holdout_metrics/accuracy").asDouble()).isEqualTo(175 / 189.0, within(1e-12));
        assertThat(card.at("/holdout_intervals/accuracy/lower").asDouble()).isEqualTo(0.8795169132180863, within(1e-12));
        assertThat(card.at("/holdout_intervals/accuracy/upper").asDouble()).isEqualTo(0.9553657981271922, within(1e-12));
        assertThat(card.at("/holdout_metrics/recall").asDouble()).isEqualTo(75 / 86.0, within(1e-12));
        assertThat(card.at("/holdout_intervals/recall/lower").asDouble()).isEqualTo(0.7853122106350142, within(1e-12));
        assertThat(card.at("/holdout_intervals/recall/upper").asDouble()).isEqualTo(0.9270537820825729, within(1e-12));
        assertThat(card.at("/holdout_intervals/recall/method").asText()).isEqualTo("wilson");
        assertThat(card.get("holdout_resamples")).isNull();
        assertThat(card.get("indistinct_from_baseline")).isNull();
    }

    @Test
    void aRegressionCardSaysItsHoldoutSizeWithErrorIntervalsOnly(@TempDir Path dir) throws Exception {
        CliRunner run = CliRunner.run("train", "--data", "sample-data/public/diabetes.csv", "--out",
                dir.resolve("d.twinmodel").toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        // 442 patients, a fifth held out.
        assertThat(card.get("holdout_rows").asInt()).isEqualTo(88);
        // No share to give a Wilson interval: only the errors' bootstrap intervals.
        List<String> names = new java.util.ArrayList<>();
        card.get("holdout_intervals").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("mae", "rmse");
    }

    @Test
    void aRegressionHoldoutGivesBootstrapIntervalsOfItsErrors(@TempDir Path dir) throws Exception {
        String[] args = {"train", "--data", "src/test/resources/tasks/engine/diabetes-train.csv", "--target", "target",
                "--task", "regression", "--algo", "linear", "--exclude", "row", "--out",
                dir.resolve("d.twinmodel").toString(), "--json"};
        CliRunner run = CliRunner.run(args);
        assertThat(run.exitCode()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("holdout_resamples").asInt()).isEqualTo(2000);
        for (String metric : new String[] {"mae", "rmse"}) {
            JsonNode interval = card.at("/holdout_intervals/" + metric);
            assertThat(interval.get("method").asText()).isEqualTo("bootstrap");
            double value = card.at("/holdout_metrics/" + metric).asDouble();
            assertThat(interval.get("lower").asDouble()).isLessThan(value);
            assertThat(interval.get("upper").asDouble()).isGreaterThan(value);
        }
        // Seeded by --seed: the same card twice.
        assertThat(Json.MAPPER.readTree(CliRunner.run(args).out()).get("holdout_intervals"))
                .isEqualTo(card.get("holdout_intervals"));
        CliRunner text = CliRunner.run(java.util.Arrays.copyOf(args, args.length - 1));
        assertThat(text.out()).containsPattern("holdout mae +[0-9.]+   baseline [0-9.]+   95% interval [0-9.]+–[0-9.]+");
    }
}
