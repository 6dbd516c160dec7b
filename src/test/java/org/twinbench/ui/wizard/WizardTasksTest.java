package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.PlainWords;
import org.twinbench.data.Task;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfVerdict;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.RegressionMetrics;

/**
 * The guided check on outcomes that are not yes/no, on real public data (scikit-learn's bundled diabetes
 * and wine sets) and generated deliveries: the outcome column is inferred and explained, a model of the
 * right task is built on the past half of the rows, and its figures stand beside the naive guess. The
 * figures are compared with scikit-learn fitted on the same past rows and measured on the replayed half
 * ({@code sample-data/scripts/wizard_tasks_reference.py}); the wizard learns from 80% of the past rows, so
 * they agree within a stated tolerance, not exactly. Background work runs on the calling thread.
 */
class WizardTasksTest {

    private static final Path RESOURCES = Path.of("src/test/resources/wizard");

    @TempDir
    Path dir;

    private final WizardNavigator wizard = new WizardNavigator(Runnable::run, Runnable::run);
    private JsonNode expected;

    @BeforeEach
    void setUp() throws IOException {
        wizard.model().modelFolder(dir.resolve("models"));
        expected = new ObjectMapper().readTree(RESOURCES.resolve("expected.json").toFile());
    }

    private Path copy(Path source) throws IOException {
        Path file = dir.resolve(source.getFileName());
        Files.copy(source, file);
        return file;
    }

    /** Ticks only {@code kind}, at {@code strength}. */
    private void only(WhatIfChange.Kind kind, double strength) {
        for (ChangesPageModel.Choice choice : wizard.changes().choices()) {
            choice.chosen().set(choice.kind() == kind);
            choice.strength().set(strength);
        }
    }

    private static double number(Matcher matcher, int group) {
        return Double.parseDouble(matcher.group(group).replace(",", ""));
    }

    @Test
    void aFileSortedByAColumnIsSaidToBeSo() throws IOException {
        // statsmodels' 1996 election study comes sorted by income, 1 to 24 (pandas: is_monotonic_increasing).
        wizard.data().loadData(copy(Path.of("src/test/resources/file-order/anes96.csv")));
        assertThat(wizard.data().dataNotes()).contains("Your rows are sorted by income (from 1 to 24). The check"
                + " takes the first half of the rows as the past and the rest as today, so the two differ because of"
                + " that order. If the rows are not in the order things happened, shuffle them first.");
        wizard.data().loadData(copy(Path.of("src/test/resources/file-order/anes96-shuffled.csv")));
        assertThat(wizard.data().dataNotes()).noneMatch(note -> note.contains("sorted"));
    }

    @Test
    void anAmountIsPredictedAndJudgedOnHowFarOffItIs() throws IOException {
        wizard.data().loadData(copy(Path.of("sample-data/public/diabetes.csv")));
        assertThat(wizard.target().targetProperty().get()).isEqualTo("target");
        assertThat(wizard.target().taskProperty().get()).isEqualTo(Task.REGRESSION);
        assertThat(wizard.target().targetDescriptionProperty().get()).isEqualTo("We chose “target” because its name "
                + "says so, it has 214 different values and it is the last column. A prediction of an amount: for each "
                + "row, how much will “target” be? In your data it goes from 25 to 346.");
        wizard.next();
        wizard.next();
        wizard.model().buildModel();
        assertThat(wizard.problemProperty().get()).isEmpty();
        String words = wizard.model().modelSummaryProperty().get();
        // 442 rows: the past is the first 221, of which the model learns from 80%.
        Matcher m = Pattern.compile("We built a model from 177 of your rows and tested it on rows it had not seen: "
                + "its guess of “target” was off by about (\\d+) on average — guessing the average \\((\\d+)\\) every "
                + "time would be off by about (\\d+)\\.").matcher(words);
        assertThat(m.matches()).as(words).isTrue();
        assertThat(number(m, 1)).isLessThan(number(m, 3));
        assertThat(wizard.model().builtModelProperty().get()).exists().hasExtension("twinmodel");

        wizard.next();
        only(WhatIfChange.Kind.PRICES_SHIFT, 1.0);
        // A model of amounts is ranked too: the line ends with how little of the change hurts it, on the same rows.
        assertThat(wizard.changes().choices().get(WhatIfChange.Kind.PRICES_SHIFT.ordinal()).effect().get())
                .matches("Bmi 50% higher\\. Hurts the model once “bmi” is about \\d+% higher: off by \\d+ instead of "
                        + "\\d+ on average on the same rows \\(root mean squared error \\d+ instead of \\d+\\)\\.");
        wizard.next();
        wizard.next();
        assertThat(wizard.problemProperty().get()).isEmpty();
        assertThat(wizard.results().taskProperty().get()).isEqualTo(Task.REGRESSION);
        assertThat(wizard.results().todayProperty().get()).isEqualTo(words);
        WhatIfVerdict everyone = wizard.results().verdicts().stream().filter(v -> v.group().equals("everyone"))
                .findFirst().orElseThrow();
        // Today the model is off by about scikit-learn's ridge error on the replayed half (it learnt from 177
        // of the 221 past rows, scikit-learn from all of them, hence 10%).
        assertThat(everyone.before()).isCloseTo(expected.at("/diabetes/mae_second_half").asDouble(),
                within(0.1 * expected.at("/diabetes/mae_second_half").asDouble()));
        // BMI half as high again is far outside what the model learnt: its error grows by more than 15%.
        assertThat(everyone.after()).isGreaterThan(1.15 * everyone.before());
        assertThat(everyone.light()).isEqualTo(WhatIfVerdict.Light.RED);
        Matcher said = Pattern.compile(Pattern.quote("If prices or incomes shift a lot, the model fails for everyone: "
                + "off by about " + PlainWords.amount(everyone.after()) + " on average (between ") + "(\\d+) and (\\d+)"
                + Pattern.quote(") instead of " + PlainWords.amount(everyone.before())) + ".*").matcher(everyone.sentence());
        assertThat(said.matches()).as(everyone.sentence()).isTrue();
        // The 95% interval of the error counts the 7,200 draws from the 221 replayed rows as about 221 different rows:
        // a half-width of about 1.97 · sd / √221, several units, not the ±1 of 7,200 rows.
        assertThat(number(said, 1)).isLessThan(everyone.after());
        assertThat(number(said, 2)).isGreaterThan(everyone.after());
        assertThat(number(said, 2) - number(said, 1)).isBetween(6.0, 30.0);
        assertThat(ResultsPageModel.figure(Task.REGRESSION, everyone.before()))
                .isEqualTo("about " + PlainWords.amount(everyone.before()));
        // The chart draws the error per step: every step of today's run is a plausible error, never a share.
        assertThat(java.util.Arrays.stream(wizard.results().resultProperty().get().overallAccuracy().get("today")))
                .allSatisfy(mae -> assertThat(mae).isBetween(20.0, 80.0));
    }

    @Test
    void theNaiveGuessOfAnAmountIsTheAverageOfThePast() throws IOException {
        wizard.data().loadData(copy(Path.of("sample-data/public/diabetes.csv")));
        wizard.model().buildModel();
        Matcher m = Pattern.compile(".*guessing the average \\((\\d+)\\) every time would be off by about (\\d+)\\.")
                .matcher(wizard.model().modelSummaryProperty().get());
        assertThat(m.matches()).isTrue();
        // The mean of 177 of the 221 past rows, measured on 44 of them, against scikit-learn's mean of the 221
        // measured on the other half: the same guess, on other rows.
        assertThat(number(m, 2)).isCloseTo(expected.at("/diabetes/mean_baseline_mae_second_half").asDouble(),
                within(0.15 * expected.at("/diabetes/mean_baseline_mae_second_half").asDouble()));
    }

    @Test
    void severalKindsArePredictedBesideTheCommonestGuess() throws IOException {
        wizard.data().loadData(copy(RESOURCES.resolve("wine-shuffled.csv")));
        assertThat(wizard.target().targetProperty().get()).isEqualTo("cultivar");
        assertThat(wizard.target().taskProperty().get()).isEqualTo(Task.MULTICLASS);
        assertThat(wizard.target().targetDescriptionProperty().get()).isEqualTo("We chose “cultivar” because it has 3 "
                + "different values and it is the last column. A prediction of one of 3 kinds: for each row, which "
                + "“cultivar” will it be — class 0, class 1 or class 2?");
        assertThat(wizard.target().outcomes()).isEmpty();
        wizard.next();
        wizard.next();
        wizard.model().buildModel();
        assertThat(wizard.problemProperty().get()).isEmpty();
        Matcher m = Pattern.compile("We built a model from \\d+ of your rows and tested it on rows it had not seen: it "
                + "was right (\\d+) times out of 100 \\(between \\d+% and \\d+%\\) — always guessing “class 1” would be right (\\d+) times\\.")
                .matcher(wizard.model().modelSummaryProperty().get());
        assertThat(m.matches()).as(wizard.model().modelSummaryProperty().get()).isTrue();
        assertThat(expected.at("/wine/majority").asText()).isEqualTo("class_1");
        assertThat(number(m, 1)).isGreaterThan(number(m, 2));

        wizard.next();
        only(WhatIfChange.Kind.PRICES_SHIFT, 0.0);
        wizard.next();
        wizard.next();
        assertThat(wizard.problemProperty().get()).isEmpty();
        WhatIfVerdict everyone = wizard.results().verdicts().stream().filter(v -> v.group().equals("everyone"))
                .findFirst().orElseThrow();
        // Right today about as often as scikit-learn's multinomial logistic regression on the replayed half.
        assertThat(everyone.before()).isCloseTo(expected.at("/wine/accuracy_second_half").asDouble(), within(0.06));
        assertThat(ResultsPageModel.figure(Task.MULTICLASS, 0.966)).isEqualTo("97%");
    }

    @Test
    void aFileSortedByItsOutcomeIsRefusedInWords() throws IOException {
        // The bundled wine.csv lists the cultivars in order: the past half never has class_2.
        wizard.data().loadData(copy(Path.of("sample-data/public/wine.csv")));
        wizard.model().buildModel();
        assertThat(wizard.model().modelReadyProperty().get()).isFalse();
        assertThat(wizard.problemProperty().get()).isEqualTo("We could not build a model from your data: the first "
                + "half of your rows, which the check treats as the past, never has “class 2” as cultivar, so a model "
                + "learnt from it could never answer that. Your rows may be sorted by cultivar: shuffle them, or sort "
                + "them by date, and choose the file again");
    }

    @Test
    void differentlyShapedDataGetsItsOwnOutcomeAndChanges() throws IOException {
        wizard.data().loadData(copy(RESOURCES.resolve("deliveries.csv")));
        assertThat(wizard.target().targetProperty().get()).isEqualTo("delivery_outcome");
        assertThat(wizard.target().taskProperty().get()).isEqualTo(Task.MULTICLASS);
        assertThat(wizard.target().targetDescriptionProperty().get()).endsWith("A prediction of one of 5 kinds: for "
                + "each row, which “delivery outcome” will it be — a day late, a week late, lost, on time or returned?");
        assertThat(wizard.model().features()).containsExactly("carrier", "region", "distance_km", "parcel_kg",
                "cost_eur");
        wizard.target().targetProperty().set("cost_eur");
        assertThat(wizard.target().taskProperty().get()).isEqualTo(Task.REGRESSION);
        assertThat(wizard.target().targetDescriptionProperty().get()).startsWith("A prediction of an amount: for each "
                + "row, how much will “cost eur” be?");
        wizard.target().targetProperty().set("dispatch_date");
        assertThat(wizard.target().taskProperty().get()).isNull();
        // 295 distinct dates, as pandas counts them (nunique).
        assertThat(wizard.target().blocker()).isEqualTo("“dispatch date” has 295 different answers: too many kinds to "
                + "predict. Pick another column.");
    }

    @Test
    void anAmountsErrorsPoolOverStepsAsNumpyComputesThem() {
        double[] errors = new double[8];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = expected.at("/errors/values/" + i).asDouble();
        }
        AmountTrial.Errors pooled = new AmountTrial.Errors();
        // Two steps of 3 and 5 rows, each measured as a run measures it (predictions 0, so errors are the values).
        pooled.add(MetricSet.of(RegressionMetrics.compute(java.util.Arrays.copyOfRange(errors, 0, 3), new double[3])));
        pooled.add(MetricSet.of(RegressionMetrics.compute(java.util.Arrays.copyOfRange(errors, 3, 8), new double[5])));
        assertThat(pooled.n).isEqualTo(8);
        assertThat(pooled.mae()).isCloseTo(expected.at("/errors/mae").asDouble(), within(1e-12));
        assertThat(pooled.standardError()).isCloseTo(expected.at("/errors/standard_error").asDouble(), within(1e-12));
    }

    /** Errors with mean {@code mae}, spread {@code sd} of the absolute errors, on {@code n} rows. */
    private static AmountTrial.Errors errors(double mae, double sd, int n) {
        AmountTrial.Errors e = new AmountTrial.Errors();
        e.add(MetricSet.of(n, Map.of("mae", mae, "rmse", Math.sqrt(sd * sd + mae * mae))));
        return e;
    }

    @Test
    void anAmountGetsWorseOnlyWhenTheRiseIsLargeAndReal() {
        // sd 6 on 400 rows each side: standard error of the rise 6·√(2/400) = 0.424, 95% half-width 0.83.
        assertThat(AmountTrial.light(errors(10, 6, 400), errors(10.6, 6, 400))).isEqualTo(WhatIfVerdict.Light.GREEN);
        // 2,000 rows: half-width 0.372 < 0.6, a 6% rise: amber.
        assertThat(AmountTrial.light(errors(10, 6, 2000), errors(10.6, 6, 2000))).isEqualTo(WhatIfVerdict.Light.AMBER);
        assertThat(AmountTrial.light(errors(10, 6, 2000), errors(11.6, 6, 2000))).isEqualTo(WhatIfVerdict.Light.RED);
        // A 4% rise is never worse, however sure.
        assertThat(AmountTrial.light(errors(10, 6, 100_000), errors(10.4, 6, 100_000)))
                .isEqualTo(WhatIfVerdict.Light.GREEN);
        // 29 rows are too few to tell, whatever the rise.
        WhatIfVerdict few = AmountTrial.verdict(new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5), "region=north",
                errors(10, 1, 29), errors(30, 1, 29), null);
        assertThat(few.light()).isEqualTo(WhatIfVerdict.Light.GREEN);
        assertThat(few.sentence()).isEqualTo("If a season comes round (quite a bit), there are too few rows of region "
                + "north to tell (29): off by about 30 on average.");
    }
}
