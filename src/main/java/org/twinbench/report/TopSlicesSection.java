package org.twinbench.report;

import java.util.Locale;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.SliceSample;
import org.twinbench.stats.SliceFinder;

/**
 * The report's "Worst slices found" section: the slices {@link SliceFinder} found in the run's labelled rows
 * ({@link SliceSample}), each with its size, accuracy (a regression's: mean absolute error) and 95% interval,
 * the naive guess's on the same rows (the reference's majority class, or mean; "(no better)" beside it where the model
 * does no better on those rows), the rest's and its p-value; nothing for a run whose rows were not searched.
 */
final class TopSlicesSection {

    private TopSlicesSection() {
    }

    static void render(StringBuilder html, RunOutcome outcome) {
        SliceFinder.Result found = outcome.searchedSlices();
        if (found == null) {
            return;
        }
        String measure = found.errors() ? "mean absolute error" : "accuracy";
        html.append("<h2>Worst slices found</h2>\n<p>").append(String.format(Locale.ROOT,
                "Searched in %,d labelled rows kept from the run (a uniform sample of at most %,d per replicate): "
                        + "%,d slices of up to %d conditions with at least %d rows tested against the rest; listed "
                        + "when %s than the rest with a Bonferroni-adjusted %s p-value below %.2f. %s of all "
                        + "searched rows: %s.",
                found.rows(), SliceSample.BOUND, found.tested(), SliceSample.OPTIONS.maxDepth(),
                SliceSample.OPTIONS.minSize(), found.errors() ? "further off" : "less accurate",
                found.errors() ? "Welch t-test" : "two-proportion", SliceSample.OPTIONS.alpha(),
                found.errors() ? "Mean absolute error" : "Accuracy", HtmlReport.fmt(found.accuracy())))
                .append("</p>\n");
        if (found.slices().isEmpty()) {
            html.append("<p>No slice is significantly ").append(found.errors() ? "further off" : "less accurate")
                    .append(" than the rest.</p>\n");
            return;
        }
        html.append("<table><tr><th>slice</th><th>rows</th><th>").append(measure)
                .append("</th><th>95% interval</th><th>naive guess</th><th>rest</th><th>p-value</th></tr>");
        for (int i = 0; i < found.slices().size(); i++) {
            SliceFinder.Slice s = found.slices().get(i);
            double guess = outcome.foundOrNone().sliceBaseline(i);
            html.append("<tr><td>").append(Html.escape(SliceJson.describe(s))).append("</td><td>").append(s.n())
                    .append("</td><td>").append(HtmlReport.fmt(s.accuracy())).append("</td><td>")
                    .append(HtmlReport.fmt(s.low())).append("–").append(HtmlReport.fmt(s.high())).append("</td><td>")
                    .append(Double.isNaN(guess) ? "—" : HtmlReport.fmt(guess)
                            + (SliceJson.noBetterThanGuess(s, found.errors(), guess) ? " (no better)" : ""))
                    .append("</td><td>")
                    .append(HtmlReport.fmt(s.restAccuracy())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3g", s.pValue())).append("</td></tr>");
        }
        html.append("</table>\n");
    }
}
