package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * {@code slices} against an independent brute force (sample-data/scripts/slices_reference.py: pandas,
 * numpy and scipy over every slice of one or two conditions) on real data, scikit-learn's breast cancer
 * set scored by an out-of-fold logistic regression; and on generated data with planted weak groups.
 */
class SlicesCommandTest {

    private static final Path RESOURCES = Path.of("src/test/resources/slices");

    @TempDir
    Path dir;

    @Test
    void everyListedSliceMatchesTheBruteForceAndNoWorseSignificantSliceIsMissed() throws IOException {
        Path data = RESOURCES.resolve("breast-cancer-scored.csv");
        CliRunner result = CliRunner.run("slices", "--data", data.toString(), "--label", "diagnosis", "--score",
                "p_malignant", "--positive", "malignant", "--top", "10", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode ours = new ObjectMapper().readTree(result.out());
        JsonNode expected = new ObjectMapper().readTree(RESOURCES.resolve("breast-cancer-expected.json").toFile());
        assertThat(ours.path("rows").asInt()).isEqualTo(569);
        assertThat(ours.path("accuracy").asDouble()).isCloseTo(expected.path("accuracy").asDouble(), within(1e-12));

        // The brute force names numeric ranges by their index; ours by their label, from the same rule.
        Frame frame = TableLoader.load(data).frame();
        Map<String, List<String>> levels = new HashMap<>();
        for (String column : frame.columnNames()) {
            levels.put(column, ColumnSlicing.of(frame.column(column), 5).levels());
        }
        Map<String, JsonNode> reference = new HashMap<>();
        List<JsonNode> candidates = new ArrayList<>();
        for (String group : List.of("singles", "top_pairs")) {
            for (JsonNode slice : expected.path(group)) {
                List<String> key = new ArrayList<>();
                slice.path("predicates").forEach(p -> key.add(p.get(0).asText() + "="
                        + levels.get(p.get(0).asText()).get(p.get(1).asInt())));
                reference.put(String.join(" & ", key), slice);
                candidates.add(slice);
            }
        }
        JsonNode listed = ours.path("slices");
        assertThat(listed.size()).isEqualTo(10);
        for (JsonNode slice : listed) {
            List<String> key = new ArrayList<>();
            slice.path("predicates").forEach(p -> key.add(p.path("column").asText() + "=" + p.path("value").asText()));
            JsonNode truth = reference.get(String.join(" & ", key));
            assertThat(truth).as("brute force of " + key).isNotNull();
            assertThat(slice.path("n").asInt()).isEqualTo(truth.path("n").asInt());
            assertThat(slice.path("accuracy").asDouble()).isCloseTo(truth.path("accuracy").asDouble(), within(1e-12));
            assertThat(slice.path("rest_accuracy").asDouble())
                    .isCloseTo(truth.path("rest_accuracy").asDouble(), within(1e-12));
            double p = truth.path("p_value").asDouble();
            assertThat(slice.path("p_value").asDouble()).isCloseTo(p, within(p * 1e-6));
            assertThat(slice.path("interval").path("low").asDouble()).isLessThan(slice.path("accuracy").asDouble());
        }
        // Under the same Bonferroni factor, the brute force finds no significant slice worse than our first.
        int tested = ours.path("tested").asInt();
        double worst = candidates.stream().filter(s -> s.path("effect").asDouble() > 0
                && s.path("p_value").asDouble() * tested < 0.05).mapToDouble(s -> s.path("effect").asDouble())
                .max().orElseThrow();
        assertThat(listed.get(0).path("effect").asDouble()).isCloseTo(worst, within(1e-12));
    }

    /** Rows with region, plan and channel; the model is right 92% of the time except in the planted groups. */
    private Path planted(boolean threeWay) throws IOException {
        Random random = new Random(42);
        String[] regions = {"north", "south", "east", "west"};
        String[] plans = {"basic", "plus", "pro"};
        String[] channels = {"web", "shop"};
        List<String> lines = new ArrayList<>(List.of("region,plan,channel,age,outcome,p"));
        for (int i = 0; i < 6000; i++) {
            String region = regions[random.nextInt(4)];
            String plan = plans[random.nextInt(3)];
            String channel = channels[random.nextInt(2)];
            int age = 18 + random.nextInt(60);
            boolean weak = threeWay ? region.equals("east") && plan.equals("pro") && channel.equals("shop")
                    : region.equals("west") && plan.equals("basic");
            boolean right = random.nextDouble() < (weak ? 0.55 : 0.92);
            boolean yes = random.nextBoolean();
            double p = (yes == right) ? 0.8 : 0.2;
            lines.add(String.join(",", region, plan, channel, Integer.toString(age), yes ? "yes" : "no",
                    String.format(Locale.ROOT, "%.1f", p)));
        }
        Path file = dir.resolve(threeWay ? "three.csv" : "two.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void aPlantedGroupOfTwoConditionsIsFoundFirstAndItsRefinementsAreNotListed() throws IOException {
        CliRunner result = CliRunner.run("slices", "--data", planted(false).toString(), "--label", "outcome",
                "--score", "p", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode slices = new ObjectMapper().readTree(result.out()).path("slices");
        JsonNode first = slices.get(0);
        assertThat(first.path("predicates").toString())
                .isEqualTo("[{\"column\":\"region\",\"value\":\"west\"},{\"column\":\"plan\",\"value\":\"basic\"}]");
        assertThat(first.path("accuracy").asDouble()).isBetween(0.45, 0.65);
        for (JsonNode other : slices) {
            String text = other.path("predicates").toString();
            assertThat(text.contains("\"west\"") && text.contains("\"basic\"") && other != first).as(text).isFalse();
        }
        CliRunner text = CliRunner.run("slices", "--data", planted(false).toString(), "--label", "outcome",
                "--score", "p", "--top", "1");
        assertThat(text.out()).contains("region=west & plan=basic").contains("6000 rows");
    }

    @Test
    void aGroupOfThreeConditionsNeedsDepthThree() throws IOException {
        Path data = planted(true);
        CliRunner deep = CliRunner.run("slices", "--data", data.toString(), "--label", "outcome", "--score", "p",
                "--max-depth", "3", "--json");
        assertThat(deep.exitCode()).as(deep.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(deep.out()).path("slices").get(0);
        assertThat(first.path("predicates")).hasSize(3);
        assertThat(first.path("predicates").toString()).contains("\"east\"").contains("\"pro\"").contains("\"shop\"");
        CliRunner shallow = CliRunner.run("slices", "--data", data.toString(), "--label", "outcome", "--score", "p",
                "--max-depth", "1", "--json");
        JsonNode one = new ObjectMapper().readTree(shallow.out()).path("slices");
        one.forEach(s -> assertThat(s.path("predicates")).hasSize(1));
    }

    @Test
    void badInputIsOneLineNamingTheOptionOrFile() throws IOException {
        Path data = planted(false);
        CliRunner depth = CliRunner.run("slices", "--data", data.toString(), "--label", "outcome", "--score", "p",
                "--max-depth", "4");
        assertThat(depth.exitCode()).isEqualTo(2);
        assertThat(depth.err()).contains("--max-depth must be 1, 2 or 3").doesNotContain("Exception");
        CliRunner column = CliRunner.run("slices", "--data", data.toString(), "--label", "outcome", "--score", "p",
                "--columns", "region,nope");
        assertThat(column.exitCode()).isEqualTo(2);
        assertThat(column.err()).contains(data.toString()).contains("no column 'nope'");
        assertThat(column.err().strip().lines()).hasSize(1);
    }

    @Test
    void aColumnOfPersonalDataIsSearchedByItsMasksNeverShownInClear() throws IOException {
        List<String> lines = Files.readAllLines(planted(false));
        List<String> withEmail = new ArrayList<>(List.of(lines.get(0) + ",email"));
        for (int i = 1; i < lines.size(); i++) {
            // The weak group (west and basic) writes from one address: a slice the search must find, masked.
            String address = lines.get(i).startsWith("west,basic,") ? "owner@shop.example" : "user" + (i % 7)
                    + "@mail.example";
            withEmail.add(lines.get(i) + "," + address);
        }
        Path data = dir.resolve("with-email.csv");
        Files.write(data, withEmail);
        CliRunner result = CliRunner.run("slices", "--data", data.toString(), "--label", "outcome", "--score", "p",
                "--columns", "email,region", "--max-depth", "1", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        // Masks keep an address's domain and hide the rest, at a fixed width.
        assertThat(result.out()).doesNotContain("owner@").doesNotContain("user1@").doesNotContain("user2@")
                .contains("\"column\" : \"email\"");
    }

    @Test
    void aColumnThatRestatesThePredictionIsNotSearched() throws IOException {
        List<String> lines = Files.readAllLines(planted(false));
        List<String> scored = new ArrayList<>(List.of(lines.get(0) + ",prediction"));
        for (String line : lines.subList(1, lines.size())) {
            double p = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
            scored.add(line + "," + (p >= 0.5 ? "yes" : "no"));
        }
        Path data = dir.resolve("scored.csv");
        Files.write(data, scored);
        CliRunner result = CliRunner.run("slices", "--data", data.toString(), "--label", "outcome", "--score", "p",
                "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("columns").toString()).doesNotContain("prediction").contains("region");
        assertThat(json.path("slices").get(0).path("predicates").toString()).contains("\"west\"");
    }
}
