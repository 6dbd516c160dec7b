package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinbench.testing.Nodes.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RobustnessProfile;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunRobustness;
import org.twinbench.sim.ScenarioCompiler;

/**
 * The results' "Robustness" tab after real runs with a {@code metrics.robustness} node: breast cancer's logistic
 * model (sliced by {@code mean_area}) and the linear diabetes model (MAE, sliced by {@code sex}). The smallest
 * harmful shift anywhere is named first, then the weakest features and each slice's weakest feature; before a run
 * and after a clear, what the tab will show.
 */
@ExtendWith(ApplicationExtension.class)
class RobustnessSummaryTest {

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 10).model();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static RunRobustness run(Path dir, Scenario scenario) {
        return Experiment.run(ScenarioCompiler.compile(scenario, dir, new RunListener() { }), 1, 1,
                new RunListener() { }, new RunControl()).robustness();
    }

    @Test
    void aClassifierRunShowsItsSmallestHarmfulShiftAndWeakestSlices(FxRobot robot) throws Exception {
        RunRobustness found = run(Path.of("src/test/resources/mission").toAbsolutePath(), new Scenario("r", "", 7,
                List.of(node("data", NodeCatalog.DATASET_SOURCE, "path", "breast.csv", "batch_size", 284L, "steps", 1L,
                                "sampling", "epochs"),
                        node("model", NodeCatalog.LOGISTIC_MODEL, "target", "diagnosis", "features",
                                List.of("worst_radius", "mean_texture", "worst_smoothness"), "positive", "malignant"),
                        node("profile", NodeCatalog.ROBUSTNESS, "drop", 0.1, "slices", List.of("mean_area"), "bins", 2L)),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "profile"))));
        ChartTab.choose(robot, "Robustness");
        RobustnessSummary summary = robot.lookup("#robustnessSummary").queryAs(RobustnessSummary.class);
        TabPane tabs = robot.lookup(".chart-tabs").queryAs(TabPane.class);
        assertThat(onFx(() -> tabs.getTabs().stream().map(t -> t.getText()).toList())).contains("Robustness");
        assertThat(onFx(summary::lines)).hasSize(2).element(1).asString().startsWith("Add a Robustness profile node");
        robot.interact(() -> model.robustness().set(found));
        List<String> lines = onFx(summary::lines);
        RobustnessProfile all = found.overall();
        assertThat(lines.get(0)).isEqualTo(String.format(Locale.ROOT, "Robustness of the deployed model (284 labelled "
                + "rows from step 0; accuracy %.3g, limit %.3g)", all.level(), all.limit()));
        // The smallest shift over all rows and both halves of mean_area, computed here from the profiles.
        double smallest = Double.POSITIVE_INFINITY;
        String where = null;
        for (RobustnessProfile g : concat(all, found.slices())) {
            for (RobustnessProfile.Feature f : g.features()) {
                if (!Double.isNaN(f.smallestShift()) && f.smallestShift() < smallest) {
                    smallest = f.smallestShift();
                    where = f.feature() + " by " + String.format(Locale.ROOT, "%.3g", smallest) + " sd on "
                            + (g.column() == null ? "all rows" : g.column() + " " + g.value());
                }
            }
        }
        assertThat(lines.get(1)).isEqualTo("Smallest shift that hurts: " + where + ".");
        assertThat(lines.get(2)).isEqualTo("Weakest features, all rows:");
        assertThat(lines.get(3)).startsWith("  " + all.features().get(0).feature() + ": shift ");
        assertThat(lines.subList(3, 6)).extracting(l -> l.strip().split(":")[0])
                .containsExactlyElementsOf(all.features().stream().map(RobustnessProfile.Feature::feature).toList());
        assertThat(lines.subList(6, 8)).allSatisfy(l -> assertThat(l).startsWith("mean_area ").contains("weakest"));
        assertThat(lines).hasSize(8);
        robot.interact(model::clear);
        assertThat(onFx(summary::lines).get(0)).isEqualTo("Robustness");
    }

    @Test
    void aRegressionRunIsJudgedOnItsError(FxRobot robot) throws Exception {
        RunRobustness found = run(Path.of("src/test/resources/tasks/engine").toAbsolutePath(), new Scenario("r", "", 1,
                List.of(new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", "diabetes-replay.csv",
                                "batch_size", 50L, "steps", 4L, "reference_share", 0.5, "time_column", "row"), 0, 0),
                        new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE, Map.of("path", "diabetes-linear.twinmodel"),
                                0, 0),
                        new ScenarioNode("profile", NodeCatalog.ROBUSTNESS, Map.of("slices", List.of("sex")), 0, 0)),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "profile"))));
        ChartTab.choose(robot, "Robustness");
        RobustnessSummary summary = robot.lookup("#robustnessSummary").queryAs(RobustnessSummary.class);
        robot.interact(() -> model.robustness().set(found));
        List<String> lines = onFx(summary::lines);
        // diabetes_walk.py: MAE 46.3427 on these 200 rows; bmi's exact shift up 0.8424 sd is the smallest.
        assertThat(lines.get(0)).isEqualTo("Robustness of the deployed model (200 labelled rows from step 0; MAE 46.3, "
                + "limit 51.0)");
        assertThat(lines.get(3)).startsWith("  bmi: shift 0.842 sd (up 0.842, down 0.925), scale × 1.13");
        assertThat(lines).anyMatch(l -> l.startsWith("sex = one (")).anyMatch(l -> l.startsWith("sex = two ("));
    }

    private static List<RobustnessProfile> concat(RobustnessProfile all, List<RobustnessProfile> slices) {
        List<RobustnessProfile> out = new java.util.ArrayList<>(List.of(all));
        out.addAll(slices);
        return out;
    }
}
