package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data where confident learning's judges are weak: the 1996 election study's 7-point party identification
 * (statsmodels' anes96) is predicted right well under two times in three, so the many labels its fold models
 * doubt are mostly the models' own mistakes. The warning says so, with the accuracy {@code quality} reports.
 */
class WeakJudgeLabelWarningTest {

    static final String ANES = "src/test/resources/file-order/anes96.csv";

    @Test
    void manyDoubtsFromWeakJudgesAreSaidToBeTheJudges(@TempDir Path dir) throws Exception {
        JsonNode labels = Json.MAPPER.readTree(CliRunner.run("quality", "--data", ANES, "--target", "PID", "--json")
                .out()).get("label_errors");
        double judges = labels.get("out_of_fold_accuracy").asDouble();
        assertThat(judges).isLessThan(2 / 3.0).isGreaterThan(labels.get("majority_share").asDouble());

        JsonNode card = Json.MAPPER.readTree(CliRunner.run("train", "--data", ANES, "--target", "PID", "--out",
                dir.resolve("pid.twinmodel").toString(), "--json").out());
        List<String> warnings = new ArrayList<>();
        card.get("quality").forEach(f -> {
            if (f.get("check").asText().equals("label-errors")) {
                warnings.add(f.get("message").asText());
            }
        });
        assertThat(warnings).singleElement().asString()
                .startsWith(labels.get("count").asInt() + " of 944 labels")
                .contains(String.format(Locale.ROOT, "but the models that judge them are right only %.0f%% of the"
                        + " time, so many of these doubts are theirs rather than wrong labels", 100 * judges));
    }
}
