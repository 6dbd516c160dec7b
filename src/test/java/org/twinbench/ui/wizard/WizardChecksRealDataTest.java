package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.Task;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfVerdict;

/**
 * The guided check in the window, as an owner would walk it, on real data no one here made: R's Glass (mlbench, six
 * kinds of glass, shuffled) and the diabetes patients (an amount), each with a model built from the first half of the
 * rows, through every page to the saved report. The sentences are checked against scikit-learn on the replayed half
 * ({@code sample-data/scripts/whatif_counts_reference.py}: a multinomial logistic regression and a ridge regression
 * fitted the same way, and the naive guesses): the share right and its interval, the commonest mistake, the guess.
 */
@ExtendWith(ApplicationExtension.class)
class WizardChecksRealDataTest extends WizardWindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static JsonNode expected(String name) throws java.io.IOException {
        return new ObjectMapper().readTree(Path.of("src/test/resources/whatif/expected.json").toFile()).get(name);
    }

    /** Opens {@code data}, predicts {@code target}, builds a model, tries {@code kind}; returns the verdict for everyone. */
    private WhatIfVerdict check(FxRobot robot, Path data, String target, Task task, WhatIfChange.Kind kind)
            throws Exception {
        walkToResults(robot, data, target, task, kind, null);
        return model.results().verdicts().stream().filter(v -> v.group().equals("everyone")).findFirst().orElseThrow();
    }

    /** The summary line shown on the results page, and the report saved from it (which must say the same). */
    private String summaryAndReport(FxRobot robot) throws Exception {
        VBox summaries = robot.lookup("#summaryBox").queryAs(VBox.class);
        assertThat(summaries.getChildren()).hasSize(1);
        String shown = ((Label) summaries.getChildren().get(0)).getText();
        Path report = home.resolve("will-my-model-hold-up.html");
        Files.deleteIfExists(report);
        robot.clickOn("#saveReportButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(report));
        String html = Files.readString(report);
        assertThat(html).contains(escape(shown));
        for (WhatIfVerdict verdict : model.results().verdicts()) {
            assertThat(html).contains(escape(verdict.sentence().replace("gets the right kind", "right")));
        }
        return shown;
    }

    /** Text as the report writes it into HTML. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Test
    void glassOfSixKindsGetsItsIntervalItsCommonestMistakeAndTheGuessBesideIt(FxRobot robot) throws Exception {
        Path data = home.resolve("glass.csv");
        Files.copy(Path.of("src/test/resources/whatif/glass-shuffled.csv"), data);
        JsonNode want = expected("glass_check");
        WhatIfVerdict everyone = check(robot, data, "Type", Task.MULTICLASS, WhatIfChange.Kind.ENTRY_MISTAKES);
        assertThat(model.results().taskProperty().get()).isEqualTo(Task.MULTICLASS);
        // Today about as often right as scikit-learn's multinomial logistic regression on the replayed 107 rows
        // (0.617), within the sampling of 7,200 draws and the two fits' regularisation.
        assertThat(everyone.before()).isCloseTo(want.get("accuracy_later").asDouble(), within(0.08));
        Matcher m = Pattern.compile(".*gets the right kind (?:only )?about (\\d+) times out of 100? \\(between (\\d+)% and "
                + "(\\d+)%\\).*").matcher(everyone.sentence());
        assertThat(m.matches()).as(everyone.sentence()).isTrue();
        // The interval counts the 7,200 draws as the 107 different rows they come from: about ±9 points, not ±1.
        assertThat(number(m, 3) - number(m, 2)).isBetween(14.0, 22.0);
        assertThat(everyone.after() * 100).isBetween(number(m, 2) - 0.5, number(m, 3) + 0.5);
        // The commonest mistake, as scikit-learn's on the replayed half: building windows ("2") taken for float
        // processed ones ("1"), 14 of its 107 rows; far beyond chance over 30 ways of being wrong.
        assertThat(everyone.sentence()).containsPattern(" It confuses “" + want.at("/mistake/truth").asText() + "” with “"
                + want.at("/mistake/answered").asText() + "” most \\([\\d,]+ of 7,200 answers\\)\\.$");

        String summary = summaryAndReport(robot);
        // Beside the naive guess on the same rows: always "1" (the past half's commonest), right on 29.9% of the
        // replayed rows by pandas; 7,200 draws of them within 3 points.
        Matcher g = Pattern.compile(".* For comparison, always answering “1” would be right (\\d+)% of the time on the "
                + "same rows\\. Right answers (?:fell from (\\d+) to (\\d+)|stayed at (\\d+)) out of 100 on the same rows "
                + "\\(.*; a fall this big happens by chance ([^.]*)\\.(.*)").matcher(summary);
        assertThat(g.matches()).as(summary).isTrue();
        assertThat(want.get("guess").asText()).isEqualTo("1");
        assertThat(number(g, 1) / 100).isCloseTo(want.get("guess_accuracy_later").asDouble(), within(0.03));
        // Judged on the same draws: the paired figures are the verdict's, and a change that leaves everyone as they
        // were is not counted as a fall.
        if (g.group(2) != null) {
            assertThat(number(g, 2)).isEqualTo(Math.round(100 * everyone.before()));
            assertThat(number(g, 3)).isEqualTo(Math.round(100 * everyone.after()));
        }
        assertThat(everyone.light()).isEqualTo(WhatIfVerdict.Light.GREEN);
        assertThat(g.group(5)).endsWith("— too often to count it");
        // Entry mistakes push the noised column's numbers outside the range the reference rows had: the run's data check
        // alarms, which the run without the change does not, and the summary says so.
        assertThat(g.group(6)).matches(" A data check would raise the alarm from week \\d+: “[^”]+” outside the "
                + "reference range \\[.*\\] in [\\d,]+ of 400 rows \\(\\d+%\\)\\.");
    }

    @Test
    void diabetesAmountsGetTheErrorsIntervalAndTheAverageGuessBesideIt(FxRobot robot) throws Exception {
        Path data = home.resolve("diabetes.csv");
        Files.copy(Path.of("sample-data/public/diabetes.csv"), data);
        JsonNode want = expected("diabetes_check");
        WhatIfVerdict everyone = check(robot, data, "target", Task.REGRESSION, WhatIfChange.Kind.PRICES_SHIFT);
        assertThat(model.results().taskProperty().get()).isEqualTo(Task.REGRESSION);
        // About scikit-learn's ridge error on the replayed half (43.05): the model learnt from 80% of the past rows.
        assertThat(everyone.before()).isCloseTo(want.get("mae_later").asDouble(),
                within(0.1 * want.get("mae_later").asDouble()));
        Matcher m = Pattern.compile(".*off by about ([\\d,]+) on average \\(between ([\\d,]+) and ([\\d,]+)\\).*")
                .matcher(everyone.sentence());
        assertThat(m.matches()).as(everyone.sentence()).isTrue();
        assertThat(everyone.after()).isBetween(number(m, 2) - 0.5, number(m, 3) + 0.5);
        // Over the 221 different rows: a t interval about ±4.5 wide, not the ±0.8 of 7,200 rows.
        assertThat(number(m, 3) - number(m, 2)).isBetween(6.0, 14.0);

        String summary = summaryAndReport(robot);
        Matcher g = Pattern.compile(".* For comparison, guessing the average amount would be off by (\\d+) on average on "
                + "the same rows\\. The model was off by (\\d+) on average before and by (\\d+) after on the same rows "
                + "\\(.*\\); a (?:rise|fall) this big happens by chance .*\\.").matcher(summary);
        assertThat(g.matches()).as(summary).isTrue();
        // scikit-learn's DummyRegressor (the past half's mean) on the replayed half: 68.3.
        assertThat(number(g, 1)).isCloseTo(want.get("guess_mae_later").asDouble(), within(2.5));
        // The same rows' errors before and after, as the verdict gives them.
        assertThat(number(g, 2)).isEqualTo(Math.round(everyone.before()));
        assertThat(number(g, 3)).isEqualTo(Math.round(everyone.after()));
    }
}
