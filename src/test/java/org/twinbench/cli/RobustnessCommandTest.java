package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code robustness} against a known decision boundary: the outcome is x1 > 0 (x1 standard normal) and x2 is noise.
 * Shifting x1 up by s sd turns the negatives with x1 in (−s, 0) into false positives, so accuracy falls by
 * Φ(0) − Φ(−s); a drop of 0.2 needs Φ(−s) = 0.3, s = −Φ⁻¹(0.3) = 0.5244 (scipy.stats.norm.ppf(0.3) = −0.5244005),
 * and the same shift down. Scaling x1 never changes its sign and x2 does not matter: no crossing. (x1 gives the
 * outcome away, so the model is trained with {@code --keep-leaky}.)
 */
class RobustnessCommandTest {

    @TempDir
    Path dir;

    private Path table(String name, int n, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < n; i++) {
            double x1 = gaussian(random);
            text.append(x1).append(',').append(gaussian(random)).append(',').append(x1 > 0 ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void findsTheShiftThatCrossesAKnownBoundary() throws IOException {
        Path model = dir.resolve("m.twinmodel");
        CliRunner trained = CliRunner.run("train", "--data", table("train.csv", 5000, 1).toString(), "--target", "y",
                "--holdout", "0", "--keep-leaky", "--out", model.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        CliRunner result = CliRunner.run("robustness", "--model", model.toString(), "--data",
                table("held-out.csv", 20000, 2).toString(), "--drop", "0.2", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("rows").asInt()).isEqualTo(20000);
        assertThat(json.get("accuracy").asDouble()).isGreaterThan(0.99);
        JsonNode x1 = json.get("features").get(0);
        System.out.printf("known boundary: shift up %.4f sd, down %.4f sd (expected 0.5244)%n",
                x1.get("shift_up_sd").asDouble(), x1.get("shift_down_sd").asDouble());
        assertThat(x1.get("feature").asText()).isEqualTo("x1");
        assertThat(x1.get("shift_up_sd").asDouble()).isCloseTo(0.5244, within(0.03));
        assertThat(x1.get("shift_down_sd").asDouble()).isCloseTo(0.5244, within(0.03));
        assertThat(x1.get("scale").isNull()).isTrue();
        JsonNode x2 = json.get("features").get(1);
        assertThat(x2.get("feature").asText()).isEqualTo("x2");
        assertThat(x2.get("shift_up_sd").isNull()).isTrue();
        assertThat(x2.get("shift_down_sd").isNull()).isTrue();
    }

    @Test
    void aModelThatIsNotBinaryOrDataWithoutTheOutcomeIsRefused() throws IOException {
        Path model = dir.resolve("m.twinmodel");
        assertThat(CliRunner.run("train", "--data", table("train.csv", 300, 1).toString(), "--target", "y",
                "--keep-leaky", "--out", model.toString()).exitCode()).isZero();
        Files.writeString(dir.resolve("nolabel.csv"), "x1,x2\n1,2\n");
        CliRunner result = CliRunner.run("robustness", "--model", model.toString(), "--data",
                dir.resolve("nolabel.csv").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("no column 'y'").doesNotContain("\n");
    }
}
