package org.twinbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.ScriptedPrompts;
import org.twinbench.ui.editor.GraphEdits;

/**
 * The editor shows what {@code validate} finds before Run: on the loans sample, a shift set to a text
 * column marks its card (with the line as tooltip) and the inspector lists it; the column pickers offer
 * only columns of the kind the parameter takes; a data file changed on disk is checked again.
 */
@ExtendWith(ApplicationExtension.class)
class ScenarioCheckOnCanvasTest {

    @TempDir
    static Path home;

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final String SHIFT_ON_TEXT = "parameter column: \"region\" is text; Covariate shift needs a"
            + " numeric column";
    /** The same, as the inspector says it: under the column field, and in its list of the node's problems. */
    private static final String UNDER_FIELD = "\"region\" is text; Covariate shift needs a numeric column";

    private MainWindowFixture window;
    private MainViewModel model;
    private Path samples;

    @Start
    void start(Stage stage) {
        try {
            samples = BundledSamples.extractTo(Files.createTempDirectory(home, "samples"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        window = MainWindowFixture.show(stage, home, samples.resolve(SampleScenarios.LOANS_RECESSION_FILE),
                new ScriptedPrompts());
        model = window.model();
    }

    @AfterEach
    void closeExecutor() {
        window.close();
    }

    private void awaitSample(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.document().scenario().nodes().size() == 5
                && robot.lookup(".node-card").queryAll().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean invalid(FxRobot robot, String id) {
        NodeCard card = robot.lookup("#node-" + id).queryAs(NodeCard.class);
        return card.getPseudoClassStates().contains(INVALID);
    }

    private static String tooltip(FxRobot robot, String id) {
        NodeCard card = robot.lookup("#node-" + id).queryAs(NodeCard.class);
        return ((javafx.scene.control.Tooltip) card.getProperties().get("javafx.scene.control.Tooltip")).getText();
    }

    @Test
    void aShiftOnATextColumnIsMarkedOnItsCardAndListedInTheInspector(FxRobot robot) throws Exception {
        awaitSample(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.canvas().problemsProperty().get().isEmpty());
        assertThat(invalid(robot, "recession")).isFalse();

        robot.interact(() -> model.document().change("Set column",
                s -> GraphEdits.setParam(s, "recession", "column", "region")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> invalid(robot, "recession"));
        // The card is marked, then its tooltip written, in one FX call: let it finish.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tooltip(robot, "recession")).contains("⚠ " + SHIFT_ON_TEXT);
        assertThat(invalid(robot, "new-region")).isFalse();

        robot.interact(() -> model.canvas().selectOnly(List.of("recession")));
        WaitForAsyncUtils.waitForFxEvents();
        Label problems = robot.lookup("#node-problems").queryAs(Label.class);
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getText()).isEqualTo("⚠ column: " + UNDER_FIELD);
        assertThat(robot.lookup("#error-column").queryAs(Label.class).getText()).isEqualTo(UNDER_FIELD);
        // The column field carries a ControlsFX error mark saying the same.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !errorMarks(robot).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errorMarks(robot)).hasSize(1);
        // The picker offers numbers only, yet the text column stays the node's value until the user changes it.
        assertThat(robot.lookup("#param-column").queryAs(ComboBox.class).getEditor().getText()).isEqualTo("region");
        assertThat(model.document().scenario().node("recession").orElseThrow().params().get("column"))
                .isEqualTo("region");
        assertThat(model.document().history().undoDescriptionProperty().get()).isEqualTo("Set column");

        robot.interact(() -> model.document().history().undo());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !invalid(robot, "recession"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#node-problems").queryAs(Label.class).isVisible()).isFalse();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> errorMarks(robot).isEmpty());
    }

    /** The ControlsFX decorations showing the shift-on-text problem: a mark whose tooltip says it. */
    private static java.util.Set<javafx.scene.Node> errorMarks(FxRobot robot) {
        return robot.lookup(node -> node instanceof Label label && label.getTooltip() != null
                && UNDER_FIELD.equals(label.getTooltip().getText()) && label.isVisible()).queryAll();
    }

    /**
     * The picker's items, copied on the FX thread in one go once they pass {@code ready}: the inspector refills
     * them (cleared, then filled) as the data check learns the columns' kinds.
     */
    private static List<String> itemsWhen(ComboBox<String> box, java.util.function.Predicate<List<String>> ready)
            throws Exception {
        java.util.concurrent.atomic.AtomicReference<List<String>> seen = new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            seen.set(List.copyOf(box.getItems()));
            return ready.test(seen.get());
        }).get());
        return seen.get();
    }

    @Test
    void columnPickersOfferOnlyColumnsOfTheKindTheParameterTakes(FxRobot robot) throws Exception {
        awaitSample(robot);
        robot.interact(() -> model.canvas().selectOnly(List.of("recession")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () ->
                !robot.lookup("#param-column").queryAs(ComboBox.class).getItems().isEmpty());
        // loans.csv: numbers are income, debt_to_income, age, credit_history_years, loan_amount, term_months.
        @SuppressWarnings("unchecked")
        ComboBox<String> numeric = robot.lookup("#param-column").queryAs(ComboBox.class);
        assertThat(itemsWhen(numeric, items -> !items.isEmpty() && !items.contains("region"))).containsExactly("income", "debt_to_income", "age", "credit_history_years",
                "loan_amount", "term_months");

        robot.interact(() -> model.canvas().selectOnly(List.of("new-region")));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> categorical = robot.lookup("#param-column").queryAs(ComboBox.class);
        // Text only: applied_on is a date, no category to grow (ColumnKindsInInspectorTest).
        assertThat(itemsWhen(categorical, items -> !items.contains("income") && !items.isEmpty())).containsExactly("application_id", "employment_type",
                "region", "defaulted");
        // Missing values take any column: every one of the file's eleven.
        assertThat(model.inspector().columnsFor(org.twinbench.scenario.NodeCatalog.find(
                org.twinbench.scenario.NodeCatalog.MISSING_VALUES).orElseThrow().param("columns").orElseThrow()))
                .hasSize(11);
    }

    @Test
    void aDataFileChangedOnDiskIsCheckedAgain(FxRobot robot) throws Exception {
        awaitSample(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.canvas().problemsProperty().get().isEmpty()
                && robot.lookup(".node-card").queryAll().size() == 5);
        Path data = samples.resolve("loans.csv");
        // The region column renamed in the file: the category mix now names a column the data lacks.
        List<String> lines = Files.readAllLines(data);
        lines.set(0, lines.get(0).replace(",region,", ",area,"));
        Files.write(data, lines);
        Files.setLastModifiedTime(data, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> invalid(robot, "new-region"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tooltip(robot, "new-region")).contains("⚠ parameter column: the data has no column \"region\"");
    }
}
