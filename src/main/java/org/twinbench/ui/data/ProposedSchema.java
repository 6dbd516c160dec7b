package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ColumnSchema;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.Masking;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.PiiKind;
import org.twinbench.data.Schema;

/**
 * What the data and model panel proposes for a freshly read table — the roles, with a guessed target
 * and the user's earlier choices on top — and the masked preview it shows.
 */
final class ProposedSchema {

    /** Rows shown in the preview. */
    static final int PREVIEW_ROWS = 50;
    static final String TARGET_GUESS = "guessed: the last column with two values";

    private ProposedSchema() {
    }

    /** Roles on load: the inferred ones, slices proposed, a guessed target, then the user's own choices. */
    static Schema propose(Dataset read, Map<String, ColumnRole> roles) {
        return propose(read, roles, org.twinbench.data.OutcomeColumn.infer(read));
    }

    /** As {@link #propose(Dataset, Map)}, with the outcome inference already made on {@code read}. */
    static Schema propose(Dataset read, Map<String, ColumnRole> roles, org.twinbench.data.OutcomeColumn.Inference outcome) {
        boolean targetChosen = roles.containsValue(ColumnRole.TARGET);
        String target = targetChosen ? null : outcome.column().orElse(null);
        Schema proposed = Schema.infer(read, target).withProposedSlices(read);
        if (target != null) {
            List<ColumnSchema> out = new ArrayList<>();
            for (ColumnSchema column : proposed.columns()) {
                out.add(column.name().equals(target) ? column.withRole(ColumnRole.TARGET, TARGET_GUESS) : column);
            }
            proposed = new Schema(out);
        }
        for (Map.Entry<String, ColumnRole> role : roles.entrySet()) {
            if (read.frame().has(role.getKey())) {
                proposed = proposed.withRole(role.getKey(), role.getValue());
            }
        }
        return proposed;
    }

    /** The last column with exactly two distinct values (the usual place of a label), or null. */
    static String guessTarget(Frame frame) {
        List<Column> all = frame.columns();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (twoValued(all.get(i))) {
                return all.get(i).name();
            }
        }
        return null;
    }

    private static boolean twoValued(Column column) {
        if (column instanceof CategoricalColumn text) {
            return text.levels().size() == 2 && text.missingCount() < text.size();
        }
        double first = Double.NaN;
        double second = Double.NaN;
        for (double value : ((NumericColumn) column).values()) {
            if (Double.isNaN(value) || value == first || value == second) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = value;
            } else if (Double.isNaN(second)) {
                second = value;
            } else {
                return false;
            }
        }
        return !Double.isNaN(second);
    }

    /**
     * The first rows with every column of personal data masked: the ones detected on load and the
     * ones the user marked as PII (those keep only their last two letters or digits).
     */
    static Frame maskedPreview(Frame frame, Schema schema) {
        List<ColumnSchema> masking = new ArrayList<>();
        for (ColumnSchema column : schema.columns()) {
            masking.add(column.pii() == null && column.role() == ColumnRole.PII
                    ? new ColumnSchema(column.name(), column.kind(), column.role(), PiiKind.NATIONAL_ID, column.reason())
                    : column);
        }
        return Masking.masked(frame.slice(0, Math.min(PREVIEW_ROWS, frame.rowCount())), new Schema(masking));
    }
}
