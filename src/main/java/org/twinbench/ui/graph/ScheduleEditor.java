package org.twinbench.ui.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import org.twinbench.scenario.NodeType.ParamSpec;
import org.twinbench.scenario.Schedule;

/**
 * Edits a schedule parameter: its kind and the steps it starts, ends or repeats at, drawn as a small
 * timeline of the intensity (0 to 1) over the simulated steps, computed with {@link Schedule#intensity}.
 */
final class ScheduleEditor extends ParamEditor {

    private static final String ALWAYS = "always on";
    private static final int SHOWN_STEPS = 60;
    private static final double WIDTH = 200;
    private static final double HEIGHT = 36;

    private final ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList(
            ALWAYS, "sudden", "incremental", "gradual", "recurring"));
    private final TextField start = new TextField();
    private final TextField end = new TextField();
    private final TextField period = new TextField();
    private final Polyline line = new Polyline();
    private final VBox box;

    ScheduleEditor(ParamSpec spec, Sink sink) {
        super(spec, sink);
        kind.setId("param-" + spec.name() + "-kind");
        kind.setTooltip(new Tooltip("sudden: on from start; incremental: every row shifts a little more each step "
                + "from start to end; gradual: more and more rows from the new regime; recurring: on for half of "
                + "every period"));
        start.setId("param-" + spec.name() + "-start");
        end.setId("param-" + spec.name() + "-end");
        period.setId("param-" + spec.name() + "-period");
        start.setTooltip(new Tooltip("First step the change acts"));
        end.setTooltip(new Tooltip("Step from which the change acts in full"));
        period.setTooltip(new Tooltip("Length of one on/off cycle in steps"));
        GridPane grid = new GridPane();
        grid.getStyleClass().add("schedule-grid");
        grid.addRow(0, new Label("kind"), kind);
        grid.addRow(1, new Label("start"), start);
        grid.addRow(2, new Label("end"), end);
        grid.addRow(3, new Label("period"), period);
        line.getStyleClass().add("schedule-line");
        Pane timeline = new Pane(line);
        timeline.getStyleClass().add("schedule-timeline");
        timeline.setPrefSize(WIDTH, HEIGHT);
        timeline.setMaxWidth(WIDTH);
        Tooltip.install(timeline, new Tooltip("Intensity of the change over steps 0 to " + (SHOWN_STEPS - 1)));
        box = new VBox(4, grid, timeline);
        kind.valueProperty().addListener((obs, old, now) -> changed());
        List.of(start, end, period).forEach(f -> f.textProperty().addListener((obs, old, now) -> changed()));
        updating = true;
        kind.setValue(ALWAYS);
        updating = false;
    }

    private void changed() {
        boolean on = !ALWAYS.equals(kind.getValue());
        start.setDisable(!on);
        end.setDisable(!on || !List.of("incremental", "gradual").contains(kind.getValue()));
        period.setDisable(!on || !"recurring".equals(kind.getValue()));
        if (updating) {
            draw();
            return;
        }
        Object value;
        try {
            value = value();
        } catch (NumberFormatException e) {
            report(Optional.of(spec.name() + ": steps must be whole numbers"));
            return;
        }
        report(sink.value(spec.name(), value));
        draw();
    }

    /** The schedule as stored in the scenario: null for "always on", else kind and the steps it uses. */
    private Map<String, Object> value() {
        if (ALWAYS.equals(kind.getValue()) || kind.getValue() == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind.getValue());
        map.put("start", whole(start, 0));
        if (!end.isDisabled()) {
            map.put("end", whole(end, whole(start, 0)));
        }
        if (!period.isDisabled()) {
            map.put("period", whole(period, 2));
        }
        return map;
    }

    private static long whole(TextField field, long fallback) {
        String text = field.getText() == null ? "" : field.getText().strip();
        return text.isEmpty() ? fallback : Long.parseLong(text);
    }

    private void draw() {
        line.getPoints().clear();
        Schedule schedule;
        try {
            Map<String, Object> value = value();
            schedule = value == null ? Schedule.ALWAYS : new Schedule(
                    Schedule.Kind.valueOf(kind.getValue().toUpperCase(Locale.ROOT)), (int) whole(start, 0),
                    (int) whole(end, whole(start, 0)), (int) Math.max(2, whole(period, 2)));
        } catch (RuntimeException e) {
            return;
        }
        for (int step = 0; step < SHOWN_STEPS; step++) {
            double x = step * WIDTH / (SHOWN_STEPS - 1);
            double y = HEIGHT - 4 - schedule.intensity(step) * (HEIGHT - 8);
            line.getPoints().addAll(x, y);
        }
    }

    @Override
    Node control() {
        return box;
    }

    @Override
    void show(Object value) {
        try {
            if (java.util.Objects.equals(value(), value)) {
                return;
            }
        } catch (NumberFormatException e) {
            // the fields hold something unparsable; show the stored value instead
        }
        updating = true;
        Map<?, ?> map = value instanceof Map<?, ?> m ? m : Map.of();
        kind.setValue(map.isEmpty() ? ALWAYS : String.valueOf(map.get("kind")));
        start.setText(text(map.get("start")));
        end.setText(text(map.get("end")));
        period.setText(text(map.get("period")));
        updating = false;
        draw();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
