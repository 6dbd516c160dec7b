package org.twinbench.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.NamedArg;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.shape.Line;

/**
 * The presenter's line chart with vertical markers across the plot at given steps: a solid red line
 * for an alarm, a dashed blue one for what a policy did (the same styles as the analyst's chart).
 * Each marker line carries its {@link ChapterMarkers.Marker} as user data.
 */
public final class MarkedLineChart extends LineChart<Number, Number> {

    /** The style class of every marker line. */
    static final String MARKER_CLASS = "chapter-marker";

    private final ObservableList<ChapterMarkers.Marker> markers = FXCollections.observableArrayList();
    private final List<Line> lines = new ArrayList<>();

    /** A chart on the given axes, as FXML builds it. */
    public MarkedLineChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
        markers.addListener((ListChangeListener<ChapterMarkers.Marker>) change -> redrawMarkers());
    }

    /** The markers drawn; setting them redraws the lines. */
    ObservableList<ChapterMarkers.Marker> markers() {
        return markers;
    }

    private void redrawMarkers() {
        getPlotChildren().removeAll(lines);
        lines.clear();
        for (ChapterMarkers.Marker marker : markers) {
            Line line = new Line();
            line.getStyleClass().addAll(MARKER_CLASS, "step-marker", marker.isAlarm() ? "alarm-marker" : "action-marker");
            line.setUserData(marker);
            line.setMouseTransparent(true);
            lines.add(line);
        }
        getPlotChildren().addAll(lines);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double height = getYAxis().getHeight();
        for (Line line : lines) {
            double x = getXAxis().getDisplayPosition(((ChapterMarkers.Marker) line.getUserData()).step());
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(0);
            line.setEndY(height);
            line.toFront();
        }
    }
}
