package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s "worst slice:" lines call out a slice where the model does no better than the naive guess on its own
 * rows, as the window's Worst slices tab and the report do (one rule, {@code report.SliceJson.lineCalledOut}). Real
 * public data as production logs with a planted worst slice ({@code src/test/resources/verdicts}): breast cancer,
 * where clinic C's night shift is right 0.317 of the time against always answering the reference's majority
 * 'malignant', right 0.349 there (scikit-learn's {@code DummyClassifier}, {@code top-slices-baseline-expected.json});
 * diabetes, where clinic B's day shift errs by 74.84 on average against 61.57 for always predicting the reference mean
 * ({@code DummyRegressor}).
 */
class WorstSliceLinesTest {

    private static final Path DIR = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();
    private static final String CLASS_GUESS = ". No better than always answering the reference rows' most frequent "
            + "class on these rows.";

    @TempDir
    Path tmp;

    private List<String> worstSlices(String scenario) {
        CliRunner result = CliRunner.run("run", DIR.resolve(scenario).toString(), "--out", tmp.resolve("out")
                .toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().lines().filter(l -> l.startsWith("worst slice: ")).toList();
    }

    private static JsonNode expected(String set, String slice) throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("top-slices-baseline-expected.json").toFile()).get(set)
                .get(slice);
    }

    @Test
    void aClassifiersSliceNoBetterThanItsGuessIsCalledOut() throws IOException {
        List<String> lines = worstSlices("breast-cancer-log.twin.json");
        assertThat(lines).hasSize(3);
        double guess = expected("breast_cancer", "clinic=C & shift=night").get("baseline_accuracy").asDouble();
        assertThat(guess).isGreaterThan(20.0 / 63);
        assertThat(lines.get(0)).isEqualTo(String.format(Locale.ROOT, "worst slice: clinic=C & shift=night, 63 rows, "
                + "accuracy 0.317 [0.216, 0.440], guess %.3f, vs 0.984 elsewhere (p = 4.6e-61)" + CLASS_GUESS, guess));
        // clinic=C with rows before 168.8 (pandas on the log): right 17 of 32 times (0.531), the guess 10 times (0.3125).
        assertThat(lines.get(1)).startsWith("worst slice: clinic=C & row=[69, 168.8), 32 rows, accuracy 0.531 ")
                .contains("guess 0.313,").doesNotContain("No better");
    }

    @Test
    void aRegressionsSliceNoBetterThanItsGuessIsCalledOut() throws IOException {
        List<String> lines = worstSlices("diabetes-log.twin.json");
        double guess = expected("diabetes", "clinic=B & shift=day").get("baseline_mae").asDouble();
        assertThat(lines.get(0)).isEqualTo(String.format(Locale.ROOT, "worst slice: clinic=B & shift=day, 50 rows, mean"
                + " absolute error 74.84 [61.88, 87.80], guess %.4g, vs 44.37 elsewhere (p = 2.8e-05). No better than "
                + "always predicting the reference rows' mean amount on these rows.", guess));
    }
}
