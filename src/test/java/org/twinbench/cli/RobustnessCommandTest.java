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

    @Test
    void findsTheShareOfSwappedCategoriesThatCostsTheDrop() throws IOException {
        // y = (g == a), g half a, half b: swapping a share s of the rows to one category flips the half of them
        // that had the other one, so accuracy is 1 - s/2 and a drop of 0.2 needs s = 0.4.
        for (String name : new String[] {"train.csv", "held-out.csv"}) {
            SplittableRandom random = new SplittableRandom(name.length());
            StringBuilder text = new StringBuilder("g,x,y\n");
            for (int i = 0; i < 20000; i++) {
                boolean a = random.nextBoolean();
                text.append(a ? "a" : "b").append(',').append(gaussian(random)).append(',').append(a ? "yes" : "no")
                        .append('\n');
            }
            Files.writeString(dir.resolve(name), text);
        }
        Path model = dir.resolve("g.twinmodel");
        CliRunner trained = CliRunner.run("train", "--data", dir.resolve("train.csv").toString(), "--target", "y",
                "--algo", "logistic", "--holdout", "0", "--keep-leaky", "--out", model.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        CliRunner result = CliRunner.run("robustness", "--model", model.toString(), "--data",
                dir.resolve("held-out.csv").toString(), "--drop", "0.2", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode g = null;
        for (JsonNode feature : new ObjectMapper().readTree(result.out()).get("features")) {
            g = feature.get("feature").asText().equals("g") ? feature : g;
        }
        assertThat(g.get("swap_share").asDouble()).isCloseTo(0.4, within(0.02));
        assertThat(g.get("swap_to").asText()).isIn("a", "b");
    }

    /**
     * Per slice of scikit-learn's breast cancer data, against an exact answer: for a logistic model, shifting
     * feature j up by s sd flips row i exactly at s_i = -z_i / (w_j sd), so the accuracy is a step function whose
     * first step below the limit is found by walking the sorted s_i.
     */
    @Test
    void breastCancerSlicesMatchTheExactCrossingOfALogisticModel() throws IOException {
        java.util.List<String> lines = Files.readAllLines(Path.of("src/test/resources/mission/breast.csv"));
        java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
        int area = header.indexOf("mean_area");
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(lines.get(0) + ",size"));
        for (String line : lines.subList(1, lines.size())) {
            out.add(line + "," + (Double.parseDouble(line.split(",")[area]) > 600 ? "large" : "small"));
        }
        Path data = dir.resolve("breast.csv");
        Files.write(data, out);
        org.twinbench.data.Frame frame = org.twinbench.data.TableLoader.load(data).frame();
        java.util.List<String> features = java.util.List.of("worst_radius", "mean_texture", "worst_smoothness");
        org.twinbench.model.LogisticModel model = org.twinbench.model.ModelTrainer.trainLogistic(frame, "diagnosis",
                features, "malignant", 1, "t");
        Path file = dir.resolve("breast.twinmodel");
        org.twinbench.model.ModelBundle.write(model, file);
        CliRunner result = CliRunner.run("robustness", "--model", file.toString(), "--data", data.toString(),
                "--drop", "0.1", "--slice", "size", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("slices")).hasSize(2);
        for (JsonNode slice : json.get("slices")) {
            String value = slice.get("value").asText();
            int[] rows = java.util.stream.IntStream.range(0, frame.rowCount())
                    .filter(i -> frame.categorical("size").get(i).equals(value)).toArray();
            org.twinbench.data.Frame part = frame.select(rows);
            int[] labels = org.twinbench.data.BinaryLabels.encode(part.column("diagnosis"), "malignant");
            int j = 0;
            double expected = org.twinbench.sim.ExactCrossing.shiftUp(model, part, labels, j, 0.1, 5);
            JsonNode profile = null;
            for (JsonNode feature : slice.get("features")) {
                profile = feature.get("feature").asText().equals(features.get(j)) ? feature : profile;
            }
            System.out.printf("breast cancer, size=%s (%d rows): worst_radius shift up %.6f sd, exact %.6f%n", value,
                    rows.length, profile.get("shift_up_sd").asDouble(), expected);
            assertThat(slice.get("rows").asInt()).isEqualTo(rows.length);
            assertThat(expected).as(value).isNotNaN();
            assertThat(profile.get("shift_up_sd").asDouble()).as(value).isCloseTo(expected, within(1e-6));
        }
    }

    /**
     * A numeric slice column is cut into quantile ranges: {@code --slice mean_area --bins 2} on breast cancer gives
     * the rows below the median (numpy.quantile(mean_area, 0.5) = 551.1 on the 569 rows) and those at or above it,
     * each with the exact crossing of its own rows.
     */
    @Test
    void aNumericSliceColumnIsCutAtItsQuantiles() throws IOException {
        Path data = Path.of("src/test/resources/mission/breast.csv");
        org.twinbench.data.Frame frame = org.twinbench.data.TableLoader.load(data).frame();
        java.util.List<String> features = java.util.List.of("worst_radius", "mean_texture");
        org.twinbench.model.LogisticModel model = org.twinbench.model.ModelTrainer.trainLogistic(frame, "diagnosis",
                features, "malignant", 1, "t");
        Path file = dir.resolve("breast.twinmodel");
        org.twinbench.model.ModelBundle.write(model, file);
        CliRunner result = CliRunner.run("robustness", "--model", file.toString(), "--data", data.toString(),
                "--drop", "0.1", "--slice", "mean_area", "--bins", "2", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode slices = new ObjectMapper().readTree(result.out()).get("slices");
        assertThat(slices).hasSize(2);
        double[] area = frame.numeric("mean_area").values();
        double[] sorted = area.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        assertThat(median).isEqualTo(551.1);
        for (JsonNode slice : slices) {
            boolean below = slice.get("value").asText().startsWith("<");
            int[] rows = java.util.stream.IntStream.range(0, area.length)
                    .filter(i -> below == area[i] < median).toArray();
            org.twinbench.data.Frame part = frame.select(rows);
            int[] labels = org.twinbench.data.BinaryLabels.encode(part.column("diagnosis"), "malignant");
            double expected = org.twinbench.sim.ExactCrossing.shiftUp(model, part, labels, 0, 0.1, 5);
            System.out.printf("breast cancer, mean_area %s (%d rows): worst_radius shift up %.6f sd, exact %.6f%n",
                    slice.get("value").asText(), rows.length,
                    slice.get("features").get(0).get("shift_up_sd").asDouble(), expected);
            assertThat(slice.get("column").asText()).isEqualTo("mean_area");
            assertThat(slice.get("rows").asInt()).isEqualTo(rows.length);
            JsonNode radius = null;
            for (JsonNode feature : slice.get("features")) {
                radius = feature.get("feature").asText().equals("worst_radius") ? feature : radius;
            }
            assertThat(expected).isNotNaN();
            assertThat(radius.get("shift_up_sd").asDouble()).isCloseTo(expected, within(1e-6));
        }
    }
}
