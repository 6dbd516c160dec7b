package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.stats.SliceFinder;

/**
 * The results area's "Worst slices found": the slices a real run found (the breast cancer log with its
 * planted slice, as in {@code report.TopSlicesTest}) on the charts' "Worst slices" tab; before a run and
 * after a clear, what the tab will show.
 */
@ExtendWith(ApplicationExtension.class)
class TopSlicesListTest {

    private static final Path DIR = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 10).model();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aFinishedRunListsItsWorstSlicesUnderTheTable(FxRobot robot) throws Exception {
        SliceFinder.Result found = Experiment.run(ScenarioCompiler.compile(ScenarioFormat.read(
                DIR.resolve("breast-cancer-log.twin.json")), DIR, new RunListener() { }), 1, 1, new RunListener() { },
                new RunControl()).topSlices();
        TopSlicesList list = robot.lookup("#topSlicesList").queryAs(TopSlicesList.class);
        assertThat(onFx(list::lines)).hasSize(2).element(1).asString().startsWith("Run a classifier scenario");
        robot.interact(() -> model.topSlices().set(found));
        List<String> lines = onFx(list::lines);
        assertThat(lines.get(0)).isEqualTo("Worst slices found (500 labelled rows searched, accuracy 0.900; "
                + found.tested() + " slices tested)");
        assertThat(lines.get(1)).startsWith("clinic=C & shift=night, 63 rows, accuracy 0.317 [0.216, 0.440] vs 0.984"
                + " elsewhere");
        assertThat(lines).hasSize(1 + found.slices().size());
        robot.interact(model::clear);
        assertThat(onFx(list::lines).get(0)).isEqualTo("Worst slices found");
    }
}
