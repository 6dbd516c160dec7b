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

    /**
     * modeldata's Chicago ridership before 2010, trained as a user would (the weekday is not among its columns):
     * 241 of the 3,266 days (7.4%) lie far from what the other days predict — numpy's answer in
     * mission/chicago-amounts.json, Mondays and Sundays most (holidays) — too many to be slips in typing. The warning
     * says so instead of calling them wrong.
     */
    @Test
    void farTooManyOutlyingAmountsAreSaidToPointAtAMissingFeature(@TempDir Path dir) throws IOException {
        JsonNode numpy = Json.MAPPER.readTree(Path.of("src/test/resources/mission/chicago-amounts.json").toFile());
        List<String> lines = java.nio.file.Files.readAllLines(Path.of("src/test/resources/rdata/chicago.csv"));
        List<String> before2010 = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(line -> line.compareTo("2010-01-01") < 0).forEach(before2010::add);
        Path days = dir.resolve("chicago-2001-2009.csv");
        java.nio.file.Files.write(days, before2010);
        assertThat(before2010).hasSize(numpy.get("rows").asInt() + 1);
        int flagged = numpy.get("flagged").asInt();
        assertThat(numpy.get("weekdays").get("Monday").asInt() + numpy.get("weekdays").get("Sunday").asInt())
                .as("the flagged days are mostly Mondays and Sundays").isGreaterThan(flagged / 2);
        CliRunner trained = CliRunner.run("train", "--data", days.toString(), "--target", "ridership", "--out",
                dir.resolve("r.twinmodel").toString(), "--json");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(warnings(Json.MAPPER.readTree(trained.out()))).singleElement().asString()
                .startsWith(flagged + " of 3266 amounts (7.4%) lie far from what the other rows predict: their"
                        + " out-of-fold residuals have a robust z-score beyond 3.5")
                .contains("judged on the log of the amounts")
                .contains("too many to be slips: more likely the features miss something that moves the amount")
                .doesNotContain("look wrong");
        CliRunner quality = CliRunner.run("quality", "--data", days.toString(), "--target", "ridership");
        assertThat(quality.out()).contains("label errors: " + flagged + " of 3266 amounts (7.4%) lie far from what"
                + " the other rows predict").contains("  too many to be slips");
    }
}
