package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.fx.AppExecutor;

/**
 * The window's headline (the status line when a run ends) warns, as {@code run} does, when the twin replays the
 * very file its model was trained on (diabetes-train.csv is what diabetes-linear.twinmodel learnt from;
 * diabetes-replay.csv holds those rows and 221 more, so its SHA-256 differs).
 */
class WindowTrainingRowsWarningTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "engine").toAbsolutePath();
    /** Three steps cannot hold two windows of two steps: the verdict says so rather than that the model holds. */
    private static final String TOO_SHORT = "No change in RMSE could be judged: the run has 3 steps, too few to compare "
            + "its first and last 2 steps";

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    private String finishedStatus(String data) throws IOException, InterruptedException {
        ScenarioNode source = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path",
                DIR.resolve(data).toString(), "batch_size", 20L, "steps", 3L, "reference_share", 0.5), 0, 0);
        ScenarioNode model = new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE, Map.of("path",
                DIR.resolve("diabetes-linear.twinmodel").toString()), 0, 0);
        Scenario scenario = new Scenario("diabetes", "", 1, List.of(source, model),
                List.of(new ScenarioEdge("data", "model")));
        Path file = dir.resolve(data + ".twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario));
        // The "FX thread" is whichever thread posts: this test has no toolkit.
        MainViewModel window = new MainViewModel(executor, Runnable::run, dir.resolve("home"), dir);
        window.document().reset(ScenarioFormat.read(file), file);
        window.runs().speedProperty().set(0);
        window.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (window.runs().lastRunIdProperty().get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no finished run within 120 s: " + window.statusProperty().get());
            }
            Thread.sleep(20);
        }
        return window.statusProperty().get();
    }

    @Test
    void replayingTheTrainingFileSaysTheFiguresAreOptimistic() throws Exception {
        assertThat(finishedStatus("diabetes-train.csv"))
                .startsWith("Finished: 3 steps. Verdict: AMBER: " + TOO_SHORT)
                // The verdict first, where a narrow window still shows it; the warning after it.
                .contains(". Warning: " + RunProvenance.REPLAYS_TRAINING_ROWS.substring(0,
                        RunProvenance.REPLAYS_TRAINING_ROWS.length() - 1));
    }

    @Test
    void replayingOtherDataSaysNothingOfIt() throws Exception {
        // The verdict follows; no warning before it.
        assertThat(finishedStatus("diabetes-replay.csv")).startsWith("Finished: 3 steps. Verdict: AMBER: " + TOO_SHORT)
                .doesNotContain("Warning");
    }
}
