package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.TableLoader;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.Regressor;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.TwinBenchApp;
import org.twinbench.ui.fx.FileDialogs;
import org.twinbench.ui.results.SliceRowCells;

/**
 * The analyst's way through the real window on a real dated table with many groups: ggplot2's Texas
 * housing sales (46 cities, monthly, dates written month-first, the median sale price to predict — an
 * amount). Open the file, say how its dates are written, choose the outcome, train a random forest, make
 * a scenario from the data replayed a quarter a step, run it, and read per-city results and the verdict.
 * The quarters and the cities are pandas' ({@code sample-data/scripts/texas_journey_reference.py}); a
 * city's MAE in the first replayed quarter is recomputed here from the saved model's own predictions on
 * the file's rows, grouped with java.time, apart from the run's calendar replay and slice metrics.
 */
@ExtendWith(ApplicationExtension.class)
class TexasHousingJourneyTest {

    private static final Path DATA = Path.of("src/test/resources/rdata/txhousing.csv");

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private MainWindowFixture window;
    private MainViewModel main;
    private DataModelPanelViewModel panel;
    private ScriptedChoosers choosers;
    private Path savedModel;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario(), new FileDialogs.Prompts() {
            @Override
            public Optional<Path> openScenario(Window owner, Path folder) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> saveScenario(Window owner, Path folder) {
                return Optional.of(dir.resolve("txhousing.twin.json"));
            }

            @Override
            public FileDialogs.Unsaved askUnsaved(Window owner, String scenarioName) {
                return FileDialogs.Unsaved.DISCARD;
            }
        });
        main = window.model();
        panel = main.dataPanel();
        choosers = ScriptedChoosers.install(stage, name -> Optional.of(savedModel = dir.resolve(name)));
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void texasHousingByQuarterShowsEveryCitysErrorAndAVerdict(FxRobot robot) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/window/txhousing-expected.json")
                .toFile());
        Path file = Files.copy(DATA, dir.resolve("txhousing.csv"));
        choosers.openData(robot, panel, file);

        // 7/1/2008 reads both ways: the panel asks; month-first it is.
        ScriptedChoosers.answerMonthFirst(robot, panel);

        // The outcome: the median sale price, chosen in the Columns tab.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#role-median").tryQuery().isPresent());
        ComboBox<ColumnRole> role = robot.lookup("#role-median").queryComboBox();
        robot.interact(() -> role.setValue(ColumnRole.TARGET));
        assertThat(panel.schemaProperty().get().target()).contains("median");

        // A random forest on the table's features, saved beside it.
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trainTarget").queryComboBox().getValue()).isEqualTo("median");
        ComboBox<AlgorithmChoice> algorithm = robot.lookup("#trainAlgorithm").queryComboBox();
        robot.interact(() -> algorithm.setValue(algorithm.getItems().stream()
                .filter(a -> a.label().startsWith("Random forest")).findFirst().orElseThrow()));
        ScriptedChoosers.clickDialogButton(robot, "Train and save");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> savedModel != null
                && savedModel.equals(panel.model().fileProperty().get()) && !panel.model().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        // New scenario from this data: the amount is a fine outcome for the model file, the cities group the
        // results, and the rows are replayed a quarter a step.
        robot.clickOn("#newScenarioButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#newScenarioOutcome").queryComboBox().getValue()).isEqualTo("median");
        assertThat(robot.lookup("#newScenarioModel").queryComboBox().getValue().toString())
                .isEqualTo("The open model, " + savedModel.getFileName());
        assertThat(robot.lookup("#newScenarioProblem").query().isVisible()).isFalse();
        CheckComboBox<String> groups = robot.lookup("#newScenarioSlices").queryAs(CheckComboBox.class);
        // 46 cities of 187 rows each name groups (SliceProposal: up to 60 values when the median one has 30 rows):
        // the city is proposed, ticked already.
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(groups.getCheckModel().getCheckedItems())).get())
                .containsExactly("city");
        ComboBox<NewScenarioDialog.ReplayChoice> replay = robot.lookup("#newScenarioReplay").queryComboBox();
        robot.interact(() -> replay.setValue(replay.getItems().stream().filter(r -> r.replay() != null
                && r.replay().window().equals("quarter")).findFirst().orElseThrow()));
        ScriptedChoosers.clickDialogButton(robot, "Create the scenario");

        Scenario made = main.document().scenario();
        assertThat(made.name()).isEqualTo("txhousing");
        assertThat(ScenarioValidator.problems(made)).isEmpty();
        ScenarioNode source = made.nodesOfKind("source.").get(0);
        assertThat(source.string("time_column")).isEqualTo("month_start");
        assertThat(source.string("time_format")).isEqualTo("M/d/yyyy");
        assertThat(source.string("window")).isEqualTo("quarter");
        assertThat(source.string("reference_until")).isEqualTo(expected.get("reference_until").asText());

        // Saved beside the data, so that its runs are kept in the run history with their verdict.
        robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> dir.resolve("txhousing.twin.json").equals(main.document().fileProperty().get()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.runBlockedReasonProperty().get().isEmpty()
                && !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> main.runs().setSpeed(0));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.runs().runningProperty().get()
                || main.statusProperty().get().startsWith("Finished"));
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !main.runs().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        // One step a quarter, pandas' quarters; the run stops after the last.
        int quarters = expected.get("quarters").size();
        assertThat(main.statusProperty().get()).startsWith("Finished: " + quarters + " steps");
        Map<Integer, String> starts = new TreeMap<>();
        Map<String, Double> firstMae = new TreeMap<>();
        Map<String, Integer> firstRows = new TreeMap<>();
        Path steps = dir.resolve("steps.csv");
        robot.interact(() -> {
            try {
                main.liveCharts().exportCsv(steps);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // replicate,step,slice,metric,value (city names hold no comma)
        for (String line : Files.readAllLines(steps).subList(1, Files.readAllLines(steps).size())) {
            String[] cells = line.split(",", -1);
            int step = Integer.parseInt(cells[1]);
            String slice = cells[2];
            if (slice.equals("overall") && cells[3].equals("window_start")) {
                starts.put(step, cells[4]);
            } else if (step == 0 && slice.startsWith("city=") && cells[3].equals("mae")) {
                firstMae.put(slice.substring("city=".length()), Double.parseDouble(cells[4]));
            } else if (step == 0 && slice.startsWith("city=") && cells[3].equals("n")) {
                firstRows.put(slice.substring("city=".length()), (int) Double.parseDouble(cells[4]));
            }
        }
        List<String> pandasQuarters = new ArrayList<>();
        expected.get("quarters").forEach(q -> pandasQuarters.add(q.asText()));
        assertThat(new ArrayList<>(starts.values())).containsExactlyElementsOf(pandasQuarters);

        // Every city is a row of the results, beside the overall row.
        List<String> cities = new ArrayList<>();
        expected.get("cities").forEach(c -> cities.add(c.asText()));
        TableView<?> table = robot.lookup("#sliceTable").queryAs(TableView.class);
        TreeSet<String> shown = new TreeSet<>();
        table.getItems().stream().map(SliceRowCells.class::cast).map(r -> r.row().slice())
                .filter(s -> s.startsWith("city=")).forEach(s -> shown.add(s.substring("city=".length())));
        assertThat(shown).containsExactlyElementsOf(cities);

        // The first replayed quarter, city by city: pandas' labelled rows, and the MAE of the saved model's
        // own predictions on those rows of the file.
        Map<String, Integer> pandasRows = new TreeMap<>();
        expected.get("first_quarter_labelled_rows").fields()
                .forEachRemaining(e -> pandasRows.put(e.getKey(), e.getValue().asInt()));
        assertThat(firstRows).isEqualTo(pandasRows);
        Map<String, Double> recomputed = cityMae(savedModel, LocalDate.parse(pandasQuarters.get(0)));
        assertThat(firstMae.keySet()).isEqualTo(recomputed.keySet());
        for (String city : recomputed.keySet()) {
            assertThat(firstMae.get(city)).as(city).isCloseTo(recomputed.get(city), within(1e-6 * recomputed.get(city)));
        }

        // The verdict of the run, as the run history lists it; the model was trained on this very table, and the
        // window says so.
        assertThat(main.statusProperty().get()).contains("replays the data the model was trained on");
        try (RunStore store = RunStore.openReadOnly(main.runStore())) {
            RunStore.StoredRun run = store.find(main.runs().lastRunIdProperty().get()).orElseThrow();
            assertThat(run.steps()).isEqualTo(quarters);
            assertThat(run.verdict()).isIn("green", "amber", "red");
            // The window keeps the verdict on its status line once the run is stored, as the history lists it.
            WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                    () -> main.statusProperty().get().contains(". Verdict: "));
            assertThat(main.statusProperty().get()).contains(". Verdict: "
                    + run.verdict().toUpperCase(java.util.Locale.ROOT) + ": " + run.headline());
            // A regression's headline speaks of its errors. A city holds about 9 labelled rows in a window of three
            // quarters, under the 30 a group needs to be judged, so the rise it names is the run's overall one,
            // tested against the steps' own spread.
            assertThat(run.headline()).contains("MAE").containsPattern("RMSE rises by up to \\d+% \\(RMSE|no rise in "
                    + "RMSE beyond chance").contains("Welch's test corrected for 1 group");
        }
    }

    /** Mean absolute error per city of the model's predictions on the rows of the quarter starting {@code from}. */
    private static Map<String, Double> cityMae(Path model, LocalDate from) throws Exception {
        Regressor regressor = (Regressor) ModelBundle.readModel(model);
        double[] predicted = regressor.predict(TableLoader.load(DATA).frame());
        List<String> lines = Files.readAllLines(DATA);
        DateTimeFormatter monthFirst = DateTimeFormatter.ofPattern("M/d/yyyy");
        Map<String, double[]> sums = new HashMap<>();
        for (int row = 0; row + 1 < lines.size(); row++) {
            String[] cells = lines.get(row + 1).split(",");
            LocalDate date = LocalDate.parse(cells[8].replace("\"", ""), monthFirst);
            if (date.isBefore(from) || !date.isBefore(from.plusMonths(3)) || cells[5].equals("NA")) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(cells[0].replace("\"", ""), c -> new double[2]);
            sum[0] += Math.abs(Double.parseDouble(cells[5]) - predicted[row]);
            sum[1]++;
        }
        Map<String, Double> mae = new TreeMap<>();
        sums.forEach((city, sum) -> mae.put(city, sum[0] / sum[1]));
        return mae;
    }
}
