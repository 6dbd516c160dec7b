package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.fx.AppExecutor;
import picocli.CommandLine;

/** "Import sweep results…": the points of a sweep folder appear as runs in the run history window. */
@ExtendWith(ApplicationExtension.class)
class SweepImportViewTest {

    @TempDir
    static Path home;

    private AppExecutor executor;
    private Stage owner;
    private Path sweep;
    private final List<String> status = new ArrayList<>();
    private SweepActions actions;

    @Start
    void start(Stage stage) throws Exception {
        owner = stage;
        executor = new AppExecutor();
        SampleData.writeLoans(home.resolve("loans.csv"), 3000, 4);
        Path scenario = home.resolve("loans.twin.json");
        Files.writeString(scenario, ScenarioFormat.toJson(SampleScenarios.loansRecession(4)));
        Path grid = home.resolve("grid.json");
        Files.writeString(grid, "{\"recession.scale\": [0.9, 0.4]}");
        sweep = home.resolve("sweep");
        CommandLine cli = TwinBenchCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("sweep", scenario.toString(), "--grid", grid.toString(), "--steps", "10", "--threads", "1",
                "--out", sweep.toString())).isZero();
        actions = new SweepActions(executor, Platform::runLater, home.resolve("runs.sqlite"), status::add);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != owner).forEach(w -> w.hide()));
        executor.close();
    }

    @Test
    void importedPointsAreListedInTheRunHistory(FxRobot robot) throws Exception {
        robot.interact(() -> SweepDialogs.importFolder(owner, actions, executor, sweep));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#runTable").tryQuery().isPresent()
                && robot.lookup("#runTable").queryAs(TableView.class).getItems().size() == 2);
        @SuppressWarnings("unchecked")
        TableView<RunStore.StoredRun> table = robot.lookup("#runTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(RunStore.StoredRun::scenarioName).containsExactlyInAnyOrder(
                "Loans: recession and a new region · point-0000 {recession.scale=0.9}",
                "Loans: recession and a new region · point-0001 {recession.scale=0.4}");
        assertThat(table.getItems()).allSatisfy(run -> assertThat(run.steps()).isEqualTo(10));
        assertThat(status).last().asString().startsWith("Imported 2 runs from " + sweep);
    }

    @Test
    void aFolderThatIsNotASweepSaysSoInTheStatusLine(FxRobot robot) throws Exception {
        robot.interact(() -> SweepDialogs.importFolder(owner, actions, executor, home));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.get(1)).isEqualTo("Cannot import the sweep: " + home + ": not a sweep's results (no sweep.csv);"
                + " choose the folder given to 'twinbench sweep --out'");
        assertThat(robot.lookup("#runTable").tryQuery()).isEmpty();
    }
}
