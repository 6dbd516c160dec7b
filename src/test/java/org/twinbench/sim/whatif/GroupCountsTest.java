package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guided check's counts against scikit-learn's {@code confusion_matrix}, statsmodels' Wilson
 * {@code proportion_confint}, scipy's {@code binomtest} and t interval, on real answers: weak models on UCI wine and
 * iris, R's Glass and the diabetes patients ({@code sample-data/scripts/whatif_counts_reference.py}).
 */
class GroupCountsTest {

    private static final Path DIR = Path.of("src/test/resources/whatif");

    private static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    }

    private static List<String[]> rows(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("answers-" + name + ".csv"));
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(","));
        }
        return rows;
    }

    private static GroupCounts kinds(String name, JsonNode set) throws IOException {
        List<String> kinds = new ArrayList<>();
        set.get("kinds").forEach(k -> kinds.add(k.asText()));
        GroupCounts counts = GroupCounts.ofKinds(kinds);
        for (String[] row : rows(name)) {
            counts.addAnswer(kinds.indexOf(row[0]), kinds.indexOf(row[1]), kinds.indexOf(row[2]));
        }
        return counts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wine", "iris", "glass"})
    void kindsAreCountedAsScikitLearnAndStatsmodelsCountThem(String name) throws IOException {
        JsonNode set = expected().get(name);
        GroupCounts counts = kinds(name, set);
        long[][] confusion = counts.confusion();
        for (int t = 0; t < confusion.length; t++) {
            for (int a = 0; a < confusion.length; a++) {
                assertThat(confusion[t][a]).as("%s confusion[%d][%d]", name, t, a)
                        .isEqualTo(set.at("/confusion/" + t + "/" + a).asLong());
            }
        }
        assertThat(counts.accuracy()).isCloseTo(set.get("accuracy").asDouble(), within(1e-12));
        assertThat(counts.accuracyInterval()[0]).isCloseTo(set.at("/wilson/0").asDouble(), within(1e-9));
        assertThat(counts.accuracyInterval()[1]).isCloseTo(set.at("/wilson/1").asDouble(), within(1e-9));
        assertThat(counts.guessKind()).isEqualTo(set.get("guess").asText());
        assertThat(counts.guessAccuracy()).isCloseTo(set.get("guess_accuracy").asDouble(), within(1e-12));
        // Every model here is well above always answering the commonest kind.
        assertThat(counts.beatsGuess()).isTrue();
    }

    @Test
    void theCommonestMistakeIsNamedOnlyWhenScipysBinomialTestSaysItIsMoreThanChance() throws IOException {
        JsonNode all = expected();
        // Wine: 11 of 36 mistakes take class_2 for class_0 (and 11 for class_1): p·6 = 0.17, chance.
        assertThat(all.at("/wine/mistake/p_value").asDouble()).isGreaterThan(GroupCounts.CHANCE_ALPHA);
        assertThat(kinds("wine", all.get("wine")).commonestMistake()).isNull();
        for (String name : List.of("iris", "glass")) {
            JsonNode mistake = all.at("/" + name + "/mistake");
            GroupCounts.Confusion found = kinds(name, all.get(name)).commonestMistake();
            assertThat(found).as(name).isNotNull();
            assertThat(found.truth()).isEqualTo(mistake.get("truth").asText());
            assertThat(found.answered()).isEqualTo(mistake.get("answered").asText());
            assertThat(found.count()).isEqualTo(mistake.get("count").asLong());
            assertThat(found.pValue()).isCloseTo(mistake.get("p_value").asDouble(),
                    within(1e-9 * mistake.get("p_value").asDouble()));
        }
        // Iris: 15 of its 27 mistakes take virginica for versicolor.
        assertThat(kinds("iris", all.get("iris")).commonestMistake().words("species"))
                .isEqualTo(" It confuses “virginica” with “versicolor” most (15 of 150 answers).");
    }

    @Test
    void aMistakeOfAFewRowsDrawnAgainAndAgainIsNotMoreThanChance() throws IOException {
        JsonNode iris = expected().get("iris");
        GroupCounts counts = kinds("iris", iris);
        // The same 150 answers drawn 48 times over: as many different rows, so the same test, not 48 times surer.
        GroupCounts drawn = GroupCounts.ofKinds(counts.kinds());
        List<String> kinds = counts.kinds();
        for (int copy = 0; copy < 48; copy++) {
            for (String[] row : rows("iris")) {
                drawn.addAnswer(kinds.indexOf(row[0]), kinds.indexOf(row[1]), kinds.indexOf(row[2]));
            }
        }
        drawn.distinctShare(1.0 / 48);
        assertThat(drawn.rows()).isEqualTo(150);
        assertThat(drawn.accuracyInterval()[0]).isCloseTo(iris.at("/wilson/0").asDouble(), within(1e-9));
        assertThat(drawn.commonestMistake().pValue()).isCloseTo(iris.at("/mistake/p_value").asDouble(),
                within(1e-9 * iris.at("/mistake/p_value").asDouble()));
        assertThat(drawn.commonestMistake().count()).isEqualTo(15 * 48);
    }

    @Test
    void amountsGiveScipysTIntervalOfTheMeanAbsoluteError() throws IOException {
        JsonNode diabetes = expected().get("diabetes");
        GroupCounts counts = GroupCounts.ofAmounts();
        for (String[] row : rows("diabetes")) {
            counts.addAmount(Double.parseDouble(row[0]), Double.parseDouble(row[1]), Double.parseDouble(row[2]));
        }
        assertThat(counts.mae()).isCloseTo(diabetes.get("mae").asDouble(), within(1e-9));
        assertThat(counts.maeInterval()[0]).isCloseTo(diabetes.at("/t_interval/0").asDouble(), within(1e-7));
        assertThat(counts.maeInterval()[1]).isCloseTo(diabetes.at("/t_interval/1").asDouble(), within(1e-7));
        assertThat(counts.guessMae()).isCloseTo(diabetes.get("guess_mae").asDouble(), within(1e-9));
        assertThat(counts.beatsGuess()).isTrue();
        assertThat(counts.intervalWords()).isEqualTo("(between 44 and 50)");
        assertThat(counts.commonestMistake()).isNull();
    }

    @Test
    void aModelOfAmountsThatIsTheGuessDoesNotBeatIt() {
        GroupCounts counts = GroupCounts.ofAmounts();
        for (int i = 0; i < 200; i++) {
            counts.addAmount(i % 7, 3, 3);
        }
        assertThat(counts.mae()).isEqualTo(counts.guessMae());
        assertThat(counts.beatsGuess()).isFalse();
    }

    @Test
    void theShareOfDifferentRowsIsTheExpectedOneForUniformDraws() throws IOException {
        JsonNode share = expected().get("distinct_share");
        for (String pool : List.of("89", "221", "5000")) {
            assertThat(GroupCounts.distinctShare(Long.parseLong(pool), 7200)).as(pool)
                    .isCloseTo(share.get(pool).asDouble(), within(1e-12));
        }
        assertThat(GroupCounts.distinctShare(Long.MAX_VALUE, 7200)).isCloseTo(1, within(1e-12));
    }

    @Test
    void theBinomialTailEqualsHandSums() {
        // P(X >= 2) for Binomial(3, 1/2) = 4/8; P(X >= 1) for Binomial(10, 0.1) = 1 - 0.9^10.
        assertThat(GroupCounts.binomialUpperTail(2, 3, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(GroupCounts.binomialUpperTail(1, 10, 0.1)).isCloseTo(1 - Math.pow(0.9, 10), within(1e-12));
        assertThat(GroupCounts.binomialUpperTail(11, 10, 0.1)).isZero();
    }
}
