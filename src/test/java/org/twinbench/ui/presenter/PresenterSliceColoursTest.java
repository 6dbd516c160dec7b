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
import org.twinbench.data.BundledSamples;
import org.twinbench.report.SliceColours;
import org.twinbench.scenario.StoryFormat;

/**
 * A slice keeps its colour across a story's chapters whatever else the chapter shows: a story of three chapters over
 * the loans recession scenario, each with another set of regions (west and central, then north and east, then central
 * and north), draws central in chapter 3 as in chapter 1 and north as in chapter 2, every line of a chapter in a colour
 * of its own, and each legend symbol in its line's colour; the curve of the slices not drawn alone is grey whatever
 * their number, as in the report's charts ({@link SliceColours#GREY}).
 */
@ExtendWith(ApplicationExtension.class)
class PresenterSliceColoursTest extends PresenterWindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static final String STORY = """
            {"format": "twinbench.story", "version": 1, "title": "Regions", "summary": "Three chapters",
             "chapters": [
              {"title": "West and central", "narration": "Two regions.", "scenario": "samples/loans-recession.twin.json",
               "metric": "accuracy", "slices": ["overall", "region=west", "region=central"], "steps_per_second": 400},
              {"title": "North and east", "narration": "Two others.", "scenario": "samples/loans-recession.twin.json",
               "metric": "accuracy", "slices": ["overall", "region=north", "region=east"], "steps_per_second": 400},
              {"title": "Central and north", "narration": "One of each.", "scenario": "samples/loans-recession.twin.json",
               "metric": "accuracy", "slices": ["overall", "region=central", "region=north"], "steps_per_second": 400}]}
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
        BundledSamples.extractTo(home.resolve("samples"));
        Path file = home.resolve("regions.story.json");
        Files.writeString(file, STORY);
        PresenterViewModel model = presenters.open(StoryFormat.read(file));
        Map<String, String[]> first = chapterStyles(robot, model, 0);
        robot.interact(model::next);
        Map<String, String[]> second = chapterStyles(robot, model, 1);
        robot.interact(model::next);
        Map<String, String[]> third = chapterStyles(robot, model, 2);

        assertThat(first.keySet()).containsExactlyInAnyOrder("overall", "region=west", "region=central");
        assertThat(third.keySet()).contains("region=central", "region=north").doesNotContain("region=west");
        assertThat(colour(third.get("region=central")[0])).as("central in chapter 3 as in chapter 1")
                .isEqualTo(colour(first.get("region=central")[0]));
        assertThat(colour(third.get("region=north")[0])).as("north in chapter 3 as in chapter 2")
                .isEqualTo(colour(second.get("region=north")[0]));
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
