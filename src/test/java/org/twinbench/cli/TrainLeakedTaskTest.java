package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} leaves out a column that gives away several classes or an amount, as it does for a yes/no outcome,
 * and keeps it with {@code --keep-leaky}. Real data: scikit-learn's wine (178 rows, 3 cultivars) with a planted
 * copy of the class — a one-feature tree on it is right on every row (scikit-learn's DecisionTreeClassifier, depth
 * 3, 5 rows a leaf: accuracy 1.0) while always answering 'class_1' is right on 71 of 178 = 39.9%; diabetes (442
 * rows) with a planted target × 2 + 1 — a straight line explains R² = 1 of it. Without the leaked column the
 * holdout figures are those of {@code train} on the file that never had it.
 */
class TrainLeakedTaskTest {

    @TempDir
    Path dir;

    /** {@code source} copied into {@code dir} with one more column, {@code value} of each data line's fields. */
    static Path planted(Path source, Path dir, String column, Function<String[], String> value) throws Exception {
        List<String> lines = Files.readAllLines(source);
        List<String> out = new ArrayList<>(List.of(lines.get(0) + "," + column));
        for (String line : lines.subList(1, lines.size())) {
            out.add(line + "," + value.apply(line.split(",")));
        }
        Path file = dir.resolve(source.getFileName());
        Files.write(file, out);
        return file;
    }

    private Path planted(String name, String column, Function<String[], String> value) throws Exception {
        return planted(Path.of("sample-data/public", name), dir, column, value);
    }

    private JsonNode train(String out, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", dir.resolve(out + ".twinmodel").toString(), "--json"));
        CliRunner result = CliRunner.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Json.MAPPER.readTree(result.out());
    }

    private static List<String> texts(JsonNode array, String key) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(key == null ? node.asText() : node.path(key).asText()));
        return out;
    }

    private static List<String> leakage(JsonNode card) {
        List<String> out = new ArrayList<>();
        card.path("quality").forEach(f -> {
            if (f.path("check").asText().equals("leakage")) {
                out.add(f.path("message").asText());
            }
        });
        return out;
    }

    private void leftOutByDefaultKeptOnRequest(Path data, String original, String target, String leak,
                                               String why) throws Exception {
        JsonNode card = train("default", "--data", data.toString(), "--target", target);
        assertThat(texts(card.get("features"), null)).isNotEmpty().doesNotContain(leak);
        JsonNode excluded = card.get("excluded");
        assertThat(texts(excluded, "column")).containsExactly(leak);
        assertThat(excluded.get(0).path("reason").asText()).isEqualTo(LabelQuality.LEAK_REASON);
        assertThat(leakage(card)).singleElement().asString()
                .startsWith("feature '" + leak + "' alone predicts '" + target + "' almost perfectly (" + why);

        JsonNode fair = train("fair", "--data", "sample-data/public/" + original, "--target", target);
        assertThat(texts(card.get("features"), null)).isEqualTo(texts(fair.get("features"), null));
        assertThat(card.get("holdout_metrics")).isEqualTo(fair.get("holdout_metrics"));
        assertThat(leakage(fair)).isEmpty();

        JsonNode kept = train("kept", "--data", data.toString(), "--target", target, "--keep-leaky");
        assertThat(texts(kept.get("features"), null)).contains(leak);
        assertThat(texts(kept.get("excluded"), "column")).isEmpty();
        assertThat(leakage(kept)).hasSize(1);

        CliRunner text = CliRunner.run("train", "--data", data.toString(), "--target", target, "--out",
                dir.resolve("text.twinmodel").toString());
        assertThat(text.out()).contains("left out: " + leak + " (ignore: " + LabelQuality.LEAK_REASON + ")")
                .contains("data error: feature '" + leak + "' alone predicts '" + target + "'");
    }

    @Test
    void aCopyOfTheCultivarIsLeftOutOfAMulticlassModel() throws Exception {
        // cultivar is the 14th field: class_0 -> 0, class_1 -> 1, class_2 -> 2.
        Path data = planted("wine.csv", "cultivar_code", f -> f[13].substring("class_".length()));
        leftOutByDefaultKeptOnRequest(data, "wine.csv", "cultivar", "cultivar_code",
                "a tree on it alone gives it with 100.0% accuracy, against 39.9% always answering 'class_1'");
    }

    @Test
    void aLinearCopyOfTheAmountIsLeftOutOfARegression() throws Exception {
        // target is the 11th field.
        Path data = planted("diabetes.csv", "twice", f -> String.valueOf(Double.parseDouble(f[10]) * 2 + 1));
        leftOutByDefaultKeptOnRequest(data, "diabetes.csv", "target", "twice",
                "a straight line of it explains R² = 1.0000 of it");
    }
}
