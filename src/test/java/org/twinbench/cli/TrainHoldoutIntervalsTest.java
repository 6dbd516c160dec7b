package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
        assertThat(card.get("indistinct_from_baseline")).isNull();
    }

    @Test
    void aRegressionCardSaysItsHoldoutSizeWithoutShareIntervals(@TempDir Path dir) throws Exception {
        CliRunner run = CliRunner.run("train", "--data", "sample-data/public/diabetes.csv", "--out",
                dir.resolve("d.twinmodel").toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        // 442 patients, a fifth held out.
        assertThat(card.get("holdout_rows").asInt()).isEqualTo(88);
        assertThat(card.get("holdout_intervals").size()).isZero();
    }
}
