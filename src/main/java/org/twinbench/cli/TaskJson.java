package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.twinbench.stats.MulticlassMetrics;

/**
 * The per-class figures of a multiclass result, the same in {@code train --json} and
 * {@code metrics --json}: {@code per_class} (precision, recall, f1, support by class) and
 * {@code confusion_matrix} (a row per true class, a column per predicted class, in {@code classes} order).
 */
final class TaskJson {

    private TaskJson() {
    }

    static void putClassDetail(ObjectNode node, MulticlassMetrics metrics) {
        ObjectNode perClass = node.putObject("per_class");
        for (int c = 0; c < metrics.classes().size(); c++) {
            ObjectNode one = perClass.putObject(metrics.classes().get(c));
            Json.putNumber(one, "precision", metrics.precision()[c]);
            Json.putNumber(one, "recall", metrics.recall()[c]);
            Json.putNumber(one, "f1", metrics.f1()[c]);
            one.put("support", metrics.support()[c]);
        }
        ArrayNode matrix = node.putArray("confusion_matrix");
        for (long[] row : metrics.confusion()) {
            ArrayNode values = matrix.addArray();
            for (long count : row) {
                values.add(count);
            }
        }
    }

    /** The per-class figures and the confusion matrix as a small table. */
    static void printClassDetail(PrintWriter out, MulticlassMetrics metrics, String indent) {
        int k = metrics.classes().size();
        out.printf(Locale.ROOT, "%s%-16s %9s %9s %9s %8s   predicted as:", indent, "class", "precision", "recall", "f1",
                "support");
        metrics.classes().forEach(c -> out.printf(Locale.ROOT, " %8s", shortened(c)));
        out.println();
        for (int c = 0; c < k; c++) {
            out.printf(Locale.ROOT, "%s%-16s %9s %9s %9s %8d                ", indent, shortened(metrics.classes().get(c)),
                    number(metrics.precision()[c]), number(metrics.recall()[c]), number(metrics.f1()[c]),
                    metrics.support()[c]);
            for (long count : metrics.confusion()[c]) {
                out.printf(Locale.ROOT, " %8d", count);
            }
            out.println();
        }
    }

    static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String shortened(String text) {
        return text.length() <= 16 ? text : text.substring(0, 15) + "…";
    }
}
