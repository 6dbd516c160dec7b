package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The live curves as {@code LineChart} series, for the presenter's large-type chart (short demo runs,
 * where a node per point costs little). Follows the view model's revisions.
 */
public final class CurveSeries {

    private CurveSeries() {
    }

    public static ObservableList<XYChart.Series<Number, Number>> of(LiveChartsViewModel model) {
        ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
        model.revisionProperty().addListener((obs, old, now) -> fill(series, model.curves()));
        fill(series, model.curves());
        return series;
    }

    private static void fill(ObservableList<XYChart.Series<Number, Number>> series, List<ChartCurve> curves) {
        List<ChartCurve> lines = curves.stream().filter(c -> !c.estimate()).toList();
        if (series.size() != lines.size()
                || !series.stream().map(XYChart.Series::getName).toList().equals(lines.stream().map(ChartCurve::name).toList())) {
            List<XYChart.Series<Number, Number>> fresh = new ArrayList<>();
            for (ChartCurve curve : lines) {
                XYChart.Series<Number, Number> one = new XYChart.Series<>();
                one.setName(curve.name());
                fresh.add(one);
            }
            series.setAll(fresh);
        }
        for (int i = 0; i < lines.size(); i++) {
            ChartCurve curve = lines.get(i);
            ObservableList<XYChart.Data<Number, Number>> data = series.get(i).getData();
            int kept = data.size();
            if (kept > curve.size() || kept > 0 && data.get(kept - 1).getXValue().intValue() != curve.steps()[kept - 1]) {
                // Decimation moved earlier points: draw the curve afresh.
                data.clear();
            }
            List<XYChart.Data<Number, Number>> more = new ArrayList<>();
            for (int j = data.size(); j < curve.size(); j++) {
                more.add(new XYChart.Data<>(curve.steps()[j], curve.values()[j]));
            }
            data.addAll(more);
        }
    }
}
