package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.TaskModel;

/**
 * How little of each change hurts a model of kinds (scikit-learn's wine, a multinomial logistic regression) and a model
 * of amounts (scikit-learn's diabetes, a ridge regression), on the rows the guided check replays, against an independent
 * numpy / scikit-learn / statsmodels / scipy computation of the same moves, the same search and the same paired tests
 * ({@code sample-data/scripts/change_reach_reference.py}, on the models' ONNX exports).
 */
class ChangeReachTasksTest {

    private static final Path ENGINE = Path.of("src/test/resources/tasks/engine");

    private static JsonNode expected(String name) throws Exception {
        return new ObjectMapper().readTree(Path.of("src/test/resources/whatif/reach/expected.json").toFile()).get(name);
    }

    private static List<ChangeReach> rank(String data, String target, String model) {
        Frame frame = TableLoader.load(ENGINE.resolve(data)).frame();
        TaskModel loaded = ModelFiles.loadAny(ENGINE.resolve(model));
        WhatIfQuestion question = new WhatIfQuestion(ENGINE.resolve(data), target, null, loaded.card().features(),
                List.of(), List.of(), 3, ENGINE.resolve(model));
        ModelFiles.closeQuietly(loaded);
        return ChangeReach.rank(question, frame);
    }

    private static ChangeReach find(List<ChangeReach> ranked, String kind) {
        return ranked.stream().filter(r -> r.kind().name().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void wineKindsNeedAFallBeyondChanceOnTheSameRows() throws Exception {
        JsonNode wine = expected("wine");
        List<ChangeReach> ranked = rank("wine-replay.csv", "cultivar", "wine-logistic.twinmodel");
        assertThat(ranked).hasSize(4);
        assertThat(ranked).extracting(ChangeReach::share).isSorted();
        for (ChangeReach r : ranked) {
            JsonNode e = wine.get("changes").get(r.kind().name());
            assertThat(r.column()).isEqualTo(wine.get("column").asText());
            assertThat(r.strength()).as(r.kind().name()).isCloseTo(e.get("strength").asDouble(), within(1e-9));
            JsonNode fall = e.get("fall");
            assertThat(r.fall().pairs()).isEqualTo(wine.get("rows").asLong());
            assertThat(r.fall().fell()).as(r.kind().name()).isEqualTo(fall.get("fell").asLong());
            assertThat(r.fall().rose()).isEqualTo(fall.get("rose").asLong());
            assertThat(r.fall().pValue()).isCloseTo(fall.get("mcnemar_p").asDouble(), within(1e-9));
            assertThat(r.fall().low()).isCloseTo(fall.get("low").asDouble(), within(1e-9));
            assertThat(r.fall().high()).isCloseTo(fall.get("high").asDouble(), within(1e-9));
            assertThat(r.fall().worse()).isTrue();
            assertThat(r.secondBefore()).isCloseTo(wine.get("before_second").asDouble(), within(1e-9));
            assertThat(r.secondAfter()).isCloseTo(e.get("after_second").asDouble(), within(1e-9));
        }
        // 88 of the 89 replayed wines right. A fall of five rows (5.6 points) is past the 5-point limit but McNemar's
        // exact p for 5 against 0 is 0.0625: the search goes on to the strength where six fall.
        assertThat(wine.get("before_first").asDouble()).isCloseTo(88.0 / 89, within(1e-12));
        ChangeReach gaming = find(ranked, "GAMING");
        assertThat(gaming.fall().fell() - gaming.fall().rose()).isGreaterThanOrEqualTo(6);
        assertThat(gaming.words()).isEqualTo(String.format(java.util.Locale.ROOT, "Hurts the model at a shift of "
                + "“proline” by about %.1f standard deviations towards the safe side: right %d instead of 99 times out of "
                + "100 on the same rows, macro F1 %.2f instead of %.2f.", gaming.strength(),
                Math.round(100 * gaming.fall().after()), gaming.secondAfter(), gaming.secondBefore()));
    }

    @Test
    void diabetesAmountsNeedARiseBeyondChanceOnTheSameRows() throws Exception {
        JsonNode diabetes = expected("diabetes");
        List<ChangeReach> ranked = rank("diabetes-replay.csv", "target", "diabetes-linear.twinmodel");
        assertThat(ranked).hasSize(4);
        assertThat(ranked).extracting(ChangeReach::share).isSorted();
        // The exported model's float32 attributes move predictions by about 1e-5: strengths agree to 1e-4 of a share
        // or a standard deviation, the tests' p-values to 1e-5 of their size. A shift moves every prediction by the
        // same amount, so many rows' errors change by exactly that amount: ties for Wilcoxon, whatever the rounding.
        for (ChangeReach r : ranked) {
            JsonNode e = diabetes.get("changes").get(r.kind().name());
            assertThat(r.column()).isEqualTo("bmi");
            assertThat(r.strength()).as(r.kind().name()).isCloseTo(e.get("strength").asDouble(), within(1e-4));
            JsonNode fall = e.get("fall");
            assertThat(r.fall().amounts()).isTrue();
            assertThat(r.fall().pairs()).isEqualTo(diabetes.get("rows").asLong());
            assertThat(r.fall().before()).isCloseTo(fall.get("before").asDouble(), within(1e-4));
            assertThat(r.fall().after()).isCloseTo(fall.get("after").asDouble(), within(1e-3));
            assertThat(r.fall().pValue()).isCloseTo(fall.get("ttest_p").asDouble(),
                    within(1e-5 * fall.get("ttest_p").asDouble() + 1e-12));
            assertThat(r.fall().wilcoxon()).as(r.kind().name() + " t " + r.fall().pValue()).isCloseTo(fall.get("wilcoxon_p").asDouble(),
                    within(1e-5 * fall.get("wilcoxon_p").asDouble() + 1e-12));
            assertThat(r.fall().worse()).isTrue();
            assertThat(r.secondBefore()).isCloseTo(diabetes.get("before_second").asDouble(), within(1e-4));
            assertThat(r.secondAfter()).isCloseTo(e.get("after_second").asDouble(), within(1e-3));
        }
        ChangeReach prices = find(ranked, "PRICES_SHIFT");
        assertThat(prices.words()).isEqualTo(String.format(java.util.Locale.ROOT, "Hurts the model once “bmi” is about "
                + "%.0f%% higher: off by %s instead of %s on average on the same rows (root mean squared error %s instead "
                + "of %s).", 100 * prices.strength(), org.twinbench.data.PlainWords.amount(prices.fall().after()),
                org.twinbench.data.PlainWords.amount(prices.fall().before()),
                org.twinbench.data.PlainWords.amount(prices.secondAfter()),
                org.twinbench.data.PlainWords.amount(prices.secondBefore())));
        // Scaled up, the first of the two limits crossed is the mean error's 15% or the RMSE's: one of them is past it.
        assertThat(prices.fall().after() > 1.15 * prices.fall().before()
                || prices.secondAfter() > 1.15 * prices.secondBefore()).isTrue();
    }
}
