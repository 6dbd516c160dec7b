package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Conflicting labels are any two different labels on equal features, for every task. */
class ConflictingClassesTest {

    @Test
    void rowsAlikeButForTwoNonPositiveClassesConflict() {
        // Rows 0 and 1 share every feature but hold 'b' and 'c': a conflict though neither is the positive class.
        Frame frame = new Frame(List.of(
                new NumericColumn("x", new double[] {1, 1, 2, 3, 4}),
                CategoricalColumn.of("kind", new String[] {"b", "c", "a", "b", "c"})));
        Dataset data = new Dataset(frame, new DataProvenance("t.csv", "", 5, 2));
        List<QualityFinding> findings = DataQuality.check(frame, Schema.infer(data, "kind"));
        assertThat(findings).filteredOn(f -> f.check().equals("conflicting-labels")).singleElement()
                .satisfies(f -> assertThat(f.rowCount()).isEqualTo(2));
    }

    @Test
    void equalAmountsOnEqualFeaturesDoNotConflict() {
        Frame frame = new Frame(List.of(
                new NumericColumn("x", new double[] {1, 1, 2, 3}),
                new NumericColumn("amount", new double[] {10.5, 10.5, 7, 9})));
        Dataset data = new Dataset(frame, new DataProvenance("t.csv", "", 4, 2));
        assertThat(DataQuality.check(frame, Schema.infer(data, "amount")))
                .noneMatch(f -> f.check().equals("conflicting-labels"));
    }
}
