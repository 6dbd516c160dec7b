package org.twinbench.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import org.twinbench.report.SliceColours;
import org.twinbench.sim.StepResult;
import org.twinbench.ui.results.ChartCurve;
import org.twinbench.ui.results.CurveSeries;
import org.twinbench.ui.results.LiveChartsView;

/**
 * The presenter's chapter chart: the chapter's curves in a colour that follows from the slice name
 * (the same slice has the same colour in every chapter), the previous chapter's overall curve dashed
 * and grey beneath them when the chapter compares with it, and axes that never move while a chapter
 * plays (the story's range from {@link PresenterViewModel}).
 */
final class ChapterChart {

    /** The name of the previous chapter's overall curve in the legend. */
    static final String PREVIOUS = "previous chapter (" + StepResult.OVERALL + ")";

    private static final String OVERALL_COLOUR = "#ffffff";
    private static final String PREVIOUS_COLOUR = "#8a96a3";

    private ChapterChart() {
    }

    /**
     * A colour of its own for each slice, from its name alone, so the same wherever the slice appears whatever else a
     * chapter shows (the report's {@link SliceColours#indices} settles clashes among a chart's lines, which moves a
     * slice's colour when the set changes); the overall curve is white, and the curve of the slices not drawn alone
     * grey as in the report (its name counts them, "others (3 slices, mean)", and took another hue for each count).
     */
    static String colour(String slice) {
        if (StepResult.OVERALL.equals(slice)) {
            return OVERALL_COLOUR;
        }
        if (slice.startsWith(SliceColours.OTHERS)) {
            return SliceColours.GREY;
        }
        // The golden ratio spreads the hues of similar names apart.
        double hue = ((slice.hashCode() & 0x7fffffff) * 0.618033988749895 % 1.0) * 360;
        Color colour = Color.hsb(hue, 0.62, 1.0);
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(colour.getRed() * 255),
                Math.round(colour.getGreen() * 255), Math.round(colour.getBlue() * 255));
    }

    /** The style of a curve's line: its colour, and dashed for the previous chapter. */
    static String lineStyle(String name) {
        return PREVIOUS.equals(name) ? "-fx-stroke: " + PREVIOUS_COLOUR + "; -fx-stroke-dash-array: 14 10;"
                : "-fx-stroke: " + colour(name) + ";";
    }

    /** Shows the model's chapter in the chart and keeps the axes on the story's fixed ranges. */
    static void bind(LineChart<Number, Number> chart, PresenterViewModel model) {
        ObservableList<XYChart.Series<Number, Number>> curves = CurveSeries.of(model.charts());
        XYChart.Series<Number, Number> previous = new XYChart.Series<>();
        previous.setName(PREVIOUS);
        ObservableList<XYChart.Series<Number, Number>> shown = FXCollections.observableArrayList();
        Runnable refill = () -> {
            List<XYChart.Series<Number, Number>> all = new ArrayList<>();
            if (model.previousCurveProperty().get() != null) {
                all.add(previous);
            }
            all.addAll(curves);
            if (!all.equals(shown)) {
                shown.setAll(all);
            }
        };
        curves.addListener((ListChangeListener<XYChart.Series<Number, Number>>) change -> refill.run());
        model.previousCurveProperty().addListener((obs, old, now) -> {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            if (now != null) {
                for (int i = 0; i < now.size(); i++) {
                    points.add(new XYChart.Data<>(now.steps()[i], now.values()[i]));
                }
            }
            previous.getData().setAll(points);
            refill.run();
        });
        shown.addListener((ListChangeListener<XYChart.Series<Number, Number>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(ChapterChart::styleWhenDrawn);
            }
            colourLegend(chart);
        });
        refill.run();
        chart.setData(shown);
        shown.forEach(ChapterChart::styleWhenDrawn);
        chart.getXAxis().setAutoRanging(false);
        chart.getYAxis().setAutoRanging(false);
    }

    private static void styleWhenDrawn(XYChart.Series<Number, Number> series) {
        if (series.getNode() != null) {
            series.getNode().setStyle(lineStyle(series.getName()));
        }
        series.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                node.setStyle(lineStyle(series.getName()));
            }
        });
    }

    /** The legend's symbols take the curves' colours (the chart's own legend cycles eight default colours). */
    private static void colourLegend(LineChart<Number, Number> chart) {
        javafx.application.Platform.runLater(() -> {
            for (Node item : chart.lookupAll(".chart-legend-item")) {
                if (item instanceof javafx.scene.control.Label label && label.getGraphic() != null) {
                    String colour = PREVIOUS.equals(label.getText()) ? PREVIOUS_COLOUR : colour(label.getText());
                    label.getGraphic().setStyle("-fx-background-color: " + colour + ", " + colour + ";");
                }
            }
        });
    }

    /** A tick unit giving about six ticks between the bounds. */
    static double tick(double lower, double upper) {
        return LiveChartsView.niceTick((upper - lower) / 6);
    }

    /** The curve of a chapter that the next chapter may overlay: its overall line, if drawn. */
    static ChartCurve overall(List<ChartCurve> curves) {
        return curves.stream().filter(c -> !c.estimate() && StepResult.OVERALL.equals(c.name())).findFirst().orElse(null);
    }
}
