package org.twinbench.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.report.SliceColours;
import org.twinbench.scenario.StoryFormat;
import org.twinbench.ui.shots.WindowShots;

/**
 * A slice keeps its colour across a story's chapters whatever else the chapter shows: a story of three chapters on
 * 2,400 of modeldata's telco customers (R's {@code wa_churn}), each with another set of groups (contracts, then internet
 * services, then one of each), draws monthly contracts in chapter 3 as in chapter 1 and fibre as in chapter 2, every
 * line of a chapter in a colour of its own, and each legend symbol in its line's colour; the curve of the slices not
 * drawn alone is grey whatever their number, as in the report's charts ({@link SliceColours#GREY}). Screenshots of
 * chapter 3: {@link WindowShots}.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterSliceColoursTest extends PresenterWindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Telco customers, 100 a day for 24 days, a model of churn, accuracy by contract and by internet service. */
    private static final String SCENARIO = """
            {"format": "twinbench.scenario", "version": 1, "name": "Telco churn by group", "seed": 7,
             "nodes": [
              {"id": "customers", "type": "source.dataset", "params": {"path": "wa_churn.csv", "batch_size": 100,
               "steps": 24, "reference_share": 0.5, "replace": true}},
              {"id": "model", "type": "model.logistic", "params": {"target": "churn", "positive": "Yes",
               "features": ["tenure", "monthly_charges", "contract", "internet_service", "payment_method",
                            "paperless_billing", "senior_citizen"]}},
              {"id": "by-group", "type": "monitor.slice-metrics", "params": {"slices": ["contract", "internet_service"],
               "threshold": 0.5}}],
             "edges": [{"from": "customers", "to": "model"}, {"from": "model", "to": "by-group"}]}
            """;

    private static final String STORY = """
            {"format": "twinbench.story", "version": 1, "title": "Who leaves?", "summary": "Three chapters",
             "chapters": [
              {"title": "By contract", "narration": "Monthly against two-year contracts.", "scenario": "churn.twin.json",
               "metric": "accuracy", "slices": ["overall", "contract=Month-to-month", "contract=Two year"],
               "steps_per_second": 200},
              {"title": "By internet service", "narration": "DSL against fibre.", "scenario": "churn.twin.json",
               "metric": "accuracy", "slices": ["overall", "internet_service=DSL", "internet_service=Fiber optic"],
               "steps_per_second": 200},
              {"title": "One of each", "narration": "Monthly contracts and fibre.", "scenario": "churn.twin.json",
               "metric": "accuracy", "slices": ["overall", "contract=Month-to-month", "internet_service=Fiber optic"],
               "steps_per_second": 200}]}
            """;

    /** Each line's style and its legend symbol's, by name, once chapter {@code index} has played to its end. */
    private static Map<String, String[]> chapterStyles(FxRobot robot, PresenterViewModel model, int index)
            throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.chapterProperty().get() == index
                && model.chapterDoneProperty().get());
        // The legend is coloured on a later FX pulse than the lines: let it finish before reading.
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            LineChart<Number, Number> chart = robot.lookup(".presenter-chart").query();
            Map<String, String[]> out = new LinkedHashMap<>();
            for (XYChart.Series<Number, Number> series : chart.getData()) {
                out.put(series.getName(), new String[] {series.getNode().getStyle(), null});
            }
            for (Node item : chart.lookupAll(".chart-legend-item")) {
                if (item instanceof Label label && out.containsKey(label.getText())) {
                    out.get(label.getText())[1] = label.getGraphic().getStyle();
                }
            }
            return out;
        }).get(30, TimeUnit.SECONDS);
    }

    /** "-fx-stroke: #a1b2c3;" and "-fx-background-color: #a1b2c3, #a1b2c3;" give "#a1b2c3". */
    private static String colour(String style) {
        java.util.regex.Matcher hex = java.util.regex.Pattern.compile("#[0-9a-fA-F]{6}").matcher(style);
        return hex.find() ? hex.group() : style;
    }

    @Test
    void aSliceKeepsItsColourFromChapterToChapter(FxRobot robot) throws Exception {
        Files.copy(Path.of("src/test/resources/rdata/wa_churn_random.csv"), home.resolve("wa_churn.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(home.resolve("churn.twin.json"), SCENARIO);
        Path file = Files.writeString(home.resolve("churn.story.json"), STORY);
        PresenterViewModel model = presenters.open(StoryFormat.read(file));
        Map<String, String[]> first = chapterStyles(robot, model, 0);
        robot.interact(model::next);
        Map<String, String[]> second = chapterStyles(robot, model, 1);
        robot.interact(model::next);
        Map<String, String[]> third = chapterStyles(robot, model, 2);

        String monthly = "contract=Month-to-month";
        String fibre = "internet_service=Fiber optic";
        assertThat(first.keySet()).containsExactlyInAnyOrder("overall", monthly, "contract=Two year");
        assertThat(second.keySet()).contains("overall", "internet_service=DSL", fibre).doesNotContain(monthly);
        assertThat(third.keySet()).contains("overall", monthly, fibre).doesNotContain("contract=Two year");
        assertThat(colour(third.get(monthly)[0])).as("monthly contracts in chapter 3 as in chapter 1")
                .isEqualTo(colour(first.get(monthly)[0]));
        assertThat(colour(third.get(fibre)[0])).as("fibre in chapter 3 as in chapter 2")
                .isEqualTo(colour(second.get(fibre)[0]));
        WindowShots.take(robot, (Stage) robot.lookup(".presenter-chart").query().getScene().getWindow(),
                "presenter-telco-churn");
        for (Map<String, String[]> chapter : java.util.List.of(first, second, third)) {
            assertThat(chapter.values().stream().map(s -> colour(s[0])).toList()).as("a colour per line")
                    .doesNotHaveDuplicates();
            chapter.forEach((name, styles) -> assertThat(colour(styles[1])).as("the legend of %s", name)
                    .isEqualTo(colour(styles[0])));
        }
        // The others' curve, as the live chart names it for 3 or 7 slices left out: grey either way.
        assertThat(ChapterChart.colour(SliceColours.othersLabel(3))).isEqualTo(SliceColours.GREY)
                .isEqualTo(ChapterChart.colour(SliceColours.othersLabel(7)));
    }
}
