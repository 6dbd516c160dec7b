package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} on amounts warns when a share of them look wrong, as it does for labels: scikit-learn's diabetes
 * with 15 planted errors of ±250 (make_amount_errors.py: numpy flags the same 10 rows as {@code quality}, 2.3% of
 * 442) warns with that count; the untouched diabetes rows (quality flags fewer than 2%) do not.
 */
class TrainAmountWarningTest {

    private static List<String> warnings(JsonNode card) {
        List<String> out = new ArrayList<>();
        card.get("quality").forEach(f -> {
            if (f.get("check").asText().equals("label-errors")) {
                out.add(f.get("message").asText());
            }
        });
        return out;
    }

    @Test
    void plantedAmountErrorsAreWarnedAboutAndCleanOnesAreNot(@TempDir Path dir) throws IOException {
        String planted = "src/test/resources/mission/diabetes-planted.csv";
        JsonNode numpy = Json.MAPPER.readTree(Path.of("src/test/resources/mission/diabetes-planted.json").toFile());
        int flagged = numpy.get("flagged").size();
        CliRunner trained = CliRunner.run("train", "--data", planted, "--target", "target", "--out",
                dir.resolve("d.twinmodel").toString(), "--json");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(warnings(Json.MAPPER.readTree(trained.out()))).singleElement().asString()
                .startsWith(flagged + " of 442 amounts (" + String.format(java.util.Locale.ROOT, "%.1f",
                        100.0 * flagged / 442) + "%) look wrong")
                .contains("`twinbench quality --data " + planted + "` lists them");
        CliRunner text = CliRunner.run("train", "--data", planted, "--target", "target", "--out",
                dir.resolve("t.twinmodel").toString());
        assertThat(text.out() + text.err()).contains(flagged + " of 442 amounts");

        String clean = "src/test/resources/tasks/engine/diabetes-replay.csv";
        JsonNode quality = Json.MAPPER.readTree(CliRunner.run("quality", "--data", clean, "--target", "target",
                "--json").out()).get("label_errors");
        assertThat(quality.get("share").asDouble()).isLessThan(0.02);
        JsonNode card = Json.MAPPER.readTree(CliRunner.run("train", "--data", clean, "--target", "target", "--out",
                dir.resolve("c.twinmodel").toString(), "--json").out());
        assertThat(warnings(card)).isEmpty();
    }
}
