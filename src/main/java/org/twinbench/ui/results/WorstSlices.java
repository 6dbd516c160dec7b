package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.twinbench.report.SliceJson;
import org.twinbench.sim.RunFindings;
import org.twinbench.stats.SliceFinder;

/**
 * What the results' "Worst slices" tab shows ({@link TopSlicesList}): the slices the last run's search found in its
 * labelled rows ({@code sim.SliceSample}), each beside the naive guess on its own rows as {@code run}'s "worst
 * slice:" lines and the report read ({@code accuracy 0.317 [0.216, 0.440], guess 0.349, vs 0.984 elsewhere …}; a
 * regression's mean absolute error beside always predicting the reference mean's), a slice where the model is no
 * better than that guess called out. Needs no running toolkit to be tested.
 */
public final class WorstSlices {

    /** One line of the tab; {@code noBetter} when it names a slice where the model does no better than the guess. */
    public record Line(String text, boolean noBetter) {
    }

    private final ReadOnlyObjectWrapper<RunFindings> findings = new ReadOnlyObjectWrapper<>();

    /** Shows what a run found ({@code found} null, or without a search: nothing yet). */
    public void show(RunFindings found) {
        findings.set(found == null || found.searched() == null ? null : found);
    }

    /** Back to what the tab says before a run. */
    public void clear() {
        findings.set(null);
    }

    /** The findings shown; changes whenever another run's are. */
    public ReadOnlyObjectProperty<RunFindings> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    /** The slices shown, or null before a run (or after a run that searched none). */
    public SliceFinder.Result found() {
        return findings.get() == null ? null : findings.get().searched();
    }

    /** The tab's lines now: its heading, then one line per slice found (or why there is none). */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        SliceFinder.Result found = found();
        if (found == null) {
            out.add(new Line("Worst slices found", false));
            out.add(new Line("Run a scenario: when it ends, its labelled rows are searched for the groups where the"
                    + " model is least accurate, or where a model of amounts errs most.", false));
            return out;
        }
        boolean errors = found.errors();
        out.add(new Line(String.format(Locale.ROOT, "Worst slices found (%,d labelled rows searched, "
                + (errors ? "mean absolute error %.4g" : "accuracy %.3f") + "; %,d slices tested)", found.rows(),
                found.accuracy(), found.tested()), false));
        if (found.slices().isEmpty()) {
            out.add(new Line(errors ? "No slice of at least 30 rows has a mean absolute error significantly above the"
                    + " rest's." : "No slice of at least 30 rows is significantly less accurate than the rest.",
                    false));
        }
        for (int i = 0; i < found.slices().size(); i++) {
            SliceFinder.Slice slice = found.slices().get(i);
            double guess = findings.get().sliceBaseline(i);
            out.add(new Line(SliceJson.lineCalledOut(slice, errors, guess), SliceJson.noBetterThanGuess(slice, errors,
                    guess)));
        }
        return out;
    }
}
