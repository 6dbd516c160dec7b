package org.twinbench.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * The presenter's cost chart, shown under the chapter chart in chapters whose scenario has a
 * deployment node ("Edge or cloud?"): the cumulative cost of each deployment the story has played,
 * one line per deployment (cloud, edge) with its cost per step in the legend. Its axes are fixed like
 * the chapter chart's: steps of the chapter, and 0 to a round number above every projected total.
 */
final class CostChart {

    /** The cost chart's own style class (besides the presenter chart's). */
    static final String STYLE = "presenter-cost-chart";

    private CostChart() {
    }

    static void bind(LineChart<Number, Number> chart, NumberAxis steps, NumberAxis cost, PresenterViewModel model) {
        chart.getStyleClass().add(STYLE);
        chart.visibleProperty().bind(model.costShownProperty());
        chart.managedProperty().bind(model.costShownProperty());
        steps.upperBoundProperty().bind(model.stepsProperty());
        steps.tickUnitProperty().bind(Bindings.createDoubleBinding(
                () -> ChapterChart.tick(0, model.stepsProperty().get()), model.stepsProperty()));
        cost.upperBoundProperty().bind(model.costUpperProperty());
        cost.tickUnitProperty().bind(Bindings.createDoubleBinding(
                () -> ChapterChart.tick(0, model.costUpperProperty().get()), model.costUpperProperty()));
        model.costCurvesProperty().addListener((obs, old, now) -> show(chart, model, now));
        show(chart, model, model.costCurvesProperty().get());
    }

    /** One series per deployment, updated in place so the legend is laid out again only when a name changes. */
    private static void show(LineChart<Number, Number> chart, PresenterViewModel model, Map<String, double[]> curves) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>(chart.getData());
        int index = 0;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            XYChart.Series<Number, Number> line;
            if (index < series.size()) {
                line = series.get(index);
            } else {
                line = new XYChart.Series<>();
                chart.getData().add(line);
            }
            String name = model.costLegend(curve.getKey());
            if (!name.equals(line.getName())) {
                line.setName(name);
            }
            double[] values = curve.getValue();
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(values.length);
            for (int step = 0; step < values.length; step++) {
                points.add(new XYChart.Data<>(step, values[step]));
            }
            line.getData().setAll(points);
            index++;
        }
        if (index < chart.getData().size()) {
            chart.getData().remove(index, chart.getData().size());
        }
    }

    /** The key under the chapter chart: one entry per kind of marker drawn, hidden when there is none. */
    static void bindKey(HBox key, PresenterViewModel model) {
        Runnable refill = () -> {
            List<javafx.scene.Node> entries = new ArrayList<>();
            model.markers().stream().map(ChapterMarkers.Marker::kind).distinct().forEach(kind -> {
                Line sample = new Line(0, 0, 0, 26);
                sample.getStyleClass().addAll("step-marker", org.twinbench.sim.Alarm.ALARM.equals(kind)
                        ? "alarm-marker" : "action-marker");
                Label entry = new Label(ChapterMarkers.word(kind), sample);
                entries.add(entry);
            });
            if (!entries.stream().map(n -> ((Label) n).getText()).toList()
                    .equals(key.getChildren().stream().map(n -> ((Label) n).getText()).toList())) {
                key.getChildren().setAll(entries);
            }
            key.setVisible(!entries.isEmpty());
            key.setManaged(!entries.isEmpty());
        };
        model.markers().addListener((javafx.collections.ListChangeListener<ChapterMarkers.Marker>) change -> refill.run());
        refill.run();
    }
}
