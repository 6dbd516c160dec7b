package org.twinbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.ScriptedPrompts;

/**
 * The inspector's column pickers on a table shaped unlike the samples — a subscriptions table the test writes, with
 * a sign-up date, two amounts, a 1–5 rating, two kinds of text and a Y/N outcome — offer only the columns of the kind
 * their parameter takes: a covariate shift's and a Gaussian noise's list the three numbers; a category mix's the
 * three text columns, never the date (a date is no category: the remap dialog never offers one for a category mix
 * either). A value typed that is no number gets the line under the field and the ControlsFX error mark saying the
 * same, and both go when it is put right.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnKindsInInspectorTest {

    /** The kinds as pandas reads the table the test writes: int64 / float64 for these, object for the rest. */
    private static final List<String> NUMBERS = List.of("tenure_days", "monthly_fee", "satisfaction");
    private static final List<String> TEXTS = List.of("plan_tier", "support_channel", "cancelled");

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory(home, "subscriptions");
        List<String> lines = new ArrayList<>();
        // As R's write.csv writes it: the row names first, under an empty name (read as row_id, an identifier).
        lines.add("\"\",signup_date,tenure_days,plan_tier,monthly_fee,support_channel,satisfaction,cancelled");
        String[] tiers = {"bronze", "silver", "gold"};
        String[] channels = {"phone", "chat", "email", "store"};
        java.time.LocalDate first = java.time.LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 240; i++) {
            lines.add("\"" + (i + 1) + "\"," + first.plusDays(i) + "," + (30 + 7 * i % 700) + "," + tiers[i % 3] + ","
                    + String.format(java.util.Locale.ROOT, "%.2f", 9.99 + (i % 3) * 10 + (i % 7) * 0.5) + ","
                    + channels[i % 4] + "," + (1 + i % 5) + "," + (i % 5 < 2 ? "Y" : "N"));
        }
        Files.write(folder.resolve("subscriptions.csv"), lines);
        Path scenario = Files.writeString(folder.resolve("subscriptions.twin.json"), """
                {"format":"twinbench.scenario","version":1,"name":"subscriptions","seed":3,
                 "nodes":[
                  {"id":"subs","type":"source.dataset","params":{"path":"subscriptions.csv","batch_size":40,"steps":3},
                   "x":40,"y":160},
                  {"id":"fee-rise","type":"perturbation.covariate-shift","params":{"column":"monthly_fee","scale":1.2},
                   "x":260,"y":60},
                  {"id":"more-gold","type":"perturbation.category-mix","params":{"column":"plan_tier",
                   "category":"gold"},"x":260,"y":200},
                  {"id":"noisy-tenure","type":"perturbation.gaussian-noise","params":{"columns":["tenure_days"]},
                   "x":260,"y":340},
                  {"id":"model","type":"model.logistic","params":{"target":"cancelled","features":["tenure_days",
                   "plan_tier","monthly_fee","support_channel","satisfaction"]},"x":500,"y":160},
                  {"id":"accuracy","type":"monitor.performance","params":{},"x":720,"y":160}
                 ],
                 "edges":[{"from":"subs","to":"fee-rise"},{"from":"fee-rise","to":"more-gold"},
                  {"from":"more-gold","to":"noisy-tenure"},{"from":"noisy-tenure","to":"model"},
                  {"from":"model","to":"accuracy"}]}
                """);
        window = MainWindowFixture.show(stage, home, scenario, new ScriptedPrompts());
        model = window.model();
    }

    @AfterEach
    void close() {
        window.close();
    }

    private void select(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".node-card").queryAll().size() == 6);
        robot.interact(() -> model.canvas().selectOnly(List.of(id)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                robot.lookup("#inspector-id").tryQuery().map(n -> ((TextField) n).getText().equals(id))
                        .orElse(false)).get());
    }

    /**
     * A list read on the FX thread, copied in one go once it passes {@code ready}: the inspector refills the pickers
     * as it learns the columns (their names from the file, then their kinds from the check).
     */
    private static List<String> when(java.util.concurrent.Callable<List<String>> read, Predicate<List<String>> ready)
            throws Exception {
        AtomicReference<List<String>> seen = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                seen.set(List.copyOf(read.call()));
                return ready.test(seen.get());
            }).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the list stayed " + seen.get(), e);
        }
        return seen.get();
    }

    /** Ready once the list holds something and none of the columns the parameter does not take. */
    private static Predicate<List<String>> without(List<String> wrong) {
        return items -> !items.isEmpty() && items.stream().noneMatch(wrong::contains)
                && !items.contains("signup_date");
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> picker(FxRobot robot) {
        return robot.lookup("#param-column").queryAs(ComboBox.class);
    }

    @Test
    void eachPickerOffersOnlyTheColumnsOfItsKind(FxRobot robot) throws Exception {
        select(robot, "fee-rise");
        ComboBox<String> numeric = picker(robot);
        assertThat(when(numeric::getItems, without(TEXTS))).containsExactlyElementsOf(NUMBERS);

        select(robot, "more-gold");
        ComboBox<String> categorical = picker(robot);
        // Wait for the kinds: until then the date is offered as the text it is read as.
        assertThat(when(categorical::getItems, without(NUMBERS))).containsExactlyElementsOf(TEXTS);
        assertThat(WaitForAsyncUtils.asyncFx(() -> categorical.getEditor().getText()).get()).isEqualTo("plan_tier");

        // Several columns: the noise's "Pick" menu ticks among the numbers only, the one chosen already ticked.
        select(robot, "noisy-tenure");
        MenuButton pick = robot.lookup((Node n) -> n instanceof MenuButton b && "Pick".equals(b.getText()))
                .queryAs(MenuButton.class);
        List<String> ticks = when(() -> {
            pick.show();
            List<String> names = pick.getItems().stream().map(MenuItem::getText).toList();
            pick.hide();
            return names;
        }, without(TEXTS));
        assertThat(ticks).containsExactlyElementsOf(NUMBERS);
        assertThat(WaitForAsyncUtils.asyncFx(() -> pick.getItems().stream()
                .filter(i -> ((javafx.scene.control.CheckMenuItem) i).isSelected()).map(MenuItem::getText).toList())
                .get()).containsExactly("tenure_days");
    }

    /** The visible ControlsFX marks whose tooltip says {@code text}. */
    private static List<Node> marks(FxRobot robot, String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.<Node>copyOf(robot.lookup((Node node) -> node instanceof Label label
                && label.getTooltip() != null && text.equals(label.getTooltip().getText()) && label.isVisible()
                && label.getScene() != null).<Node>queryAll())).get();
    }

    @Test
    void aValueThatIsNoNumberIsMarkedOnItsFieldAndUnderIt(FxRobot robot) throws Exception {
        select(robot, "fee-rise");
        // A decimal comma, as a European keyboard types it: not a number the scenario file can hold.
        String problem = "scale must be a number, like 0.5 or -2";
        robot.interact(() -> robot.lookup("#param-scale").queryAs(TextField.class).setText("1,5"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> marks(robot, problem).size() == 1);
        Label under = robot.lookup("#error-scale").queryAs(Label.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> under.isVisible() + " " + under.getText()).get())
                .isEqualTo("true " + problem);
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#param-scale").queryAs(TextField.class)
                .getStyleClass().contains("error")).get()).as("the red frame round the field").isTrue();
        // The stored value is untouched: the file still says 1.2 and nothing was added to the undo list.
        assertThat(model.document().scenario().node("fee-rise").orElseThrow().params().get("scale")).isEqualTo(1.2);

        robot.interact(() -> robot.lookup("#param-scale").queryAs(TextField.class).setText("1.5"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> marks(robot, problem).isEmpty());
        assertThat(WaitForAsyncUtils.asyncFx(() -> under.isVisible()).get()).isFalse();
        assertThat(model.document().scenario().node("fee-rise").orElseThrow().params().get("scale")).isEqualTo(1.5);
    }
}
