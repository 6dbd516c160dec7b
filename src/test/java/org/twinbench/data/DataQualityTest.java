package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twinbench.data.QualityFinding.Severity;

class DataQualityTest {

    private static Map<String, QualityFinding> byCheck(List<QualityFinding> findings, String column) {
        return findings.stream().filter(f -> column == null || f.columns().contains(column))
                .collect(Collectors.toMap(f -> f.check() + (column == null ? "" : ""), f -> f, (a, b) -> a));
    }

    private static Schema schema(Frame frame, String target) {
        return Schema.infer(new Dataset(frame, new DataProvenance("t", "", frame.rowCount(), 0)), target);
    }

    /** 40 rows: x = i, constant c, label = i % 2 except where noted. */
    private static Frame table(double[] x, String[] label) {
        int n = x.length;
        double[] c = new double[n];
        java.util.Arrays.fill(c, 7);
        return new Frame(List.of(new NumericColumn("x", x), new NumericColumn("c", c),
                CategoricalColumn.of("y", label)));
    }

    @Test
    void missingValuesAreCountedWithTheirRows() {
        double[] x = new double[40];
        String[] y = new String[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i % 10 == 3 ? Double.NaN : i % 7;
            y[i] = i % 2 == 0 ? "yes" : "no";
        }
        Frame frame = table(x, y);
        List<QualityFinding> findings = DataQuality.check(frame, schema(frame, null));
        QualityFinding missing = byCheck(findings, "x").get("missing");
        // Rows 3, 13, 23, 33: 4 of 40 = 10%, over 5% -> WARNING.
        assertThat(missing.rowCount()).isEqualTo(4);
        assertThat(missing.rows()).containsExactly(3, 13, 23, 33);
        assertThat(missing.severity()).isEqualTo(Severity.WARNING);
        assertThat(byCheck(findings, "c").get("constant").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void duplicatesAndConflictingLabelsNameTheirRows() {
        double[] x = {1, 2, 3, 1, 2, 5};
        String[] y = {"a", "b", "a", "a", "a", "b"};
        Frame frame = new Frame(List.of(new NumericColumn("x", x), CategoricalColumn.of("y", y)));
        List<QualityFinding> findings = DataQuality.check(frame, schema(frame, "y"));
        QualityFinding duplicates = byCheck(findings, null).get("duplicates");
        // Row 3 (x=1, a) repeats row 0 exactly; row 4 (x=2, a) differs from row 1 (x=2, b) in the label.
        assertThat(duplicates.rows()).containsExactly(3);
        QualityFinding conflicts = byCheck(findings, null).get("conflicting-labels");
        assertThat(conflicts.rows()).containsExactly(1, 4);
    }

    @Test
    void featureThatGivesAwayTheTargetIsLeakage() {
        int n = 100;
        double[] x = new double[n];
        double[] noise = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? "yes" : "no";
            x[i] = (i % 3 == 0 ? 100 : 0) + i % 10;
            noise[i] = (i * 37) % 11;
        }
        Frame frame = new Frame(List.of(new NumericColumn("paid_late_fee", x), new NumericColumn("noise", noise),
                CategoricalColumn.of("y", y)));
        List<QualityFinding> findings = DataQuality.check(frame, schema(frame, "y"));
        assertThat(findings).filteredOn(f -> f.check().equals("leakage"))
                .singleElement().satisfies(f -> {
                    assertThat(f.columns()).containsExactly("paid_late_fee", "y");
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                });
    }

    @Test
    void idLikeFeatureAndImbalanceAreReported() {
        int n = 200;
        double[] account = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            account[i] = 5000 + i * 3;
            y[i] = i < 10 ? "fraud" : "ok";
        }
        Frame frame = new Frame(List.of(new NumericColumn("account", account), CategoricalColumn.of("y", y)));
        List<QualityFinding> findings = DataQuality.check(frame, schema(frame, "y"));
        assertThat(byCheck(findings, "account")).containsKey("id-like");
        // 10 of 200 = 5% minority: under 10% -> WARNING.
        QualityFinding imbalance = byCheck(findings, "y").get("imbalance");
        assertThat(imbalance.severity()).isEqualTo(Severity.WARNING);
        assertThat(imbalance.message()).contains("5.0%");
    }

    @Test
    void headerOnlyTableIsAnError() {
        Frame frame = new Frame(List.of(new NumericColumn("x", new double[0])));
        assertThat(DataQuality.check(frame, schema(frame, null))).singleElement()
                .satisfies(f -> assertThat(f.check()).isEqualTo("no-rows"));
    }

    @Test
    void representativenessFindsUnseenCategoriesAndRanges() {
        Frame reference = new Frame(List.of(CategoricalColumn.of("region", new String[] {"n", "s", "n", "s"}),
                new NumericColumn("age", new double[] {20, 30, 40, 50}),
                new NumericColumn("gone", new double[] {1, 2, 3, 4})));
        Frame current = new Frame(List.of(CategoricalColumn.of("region", new String[] {"n", "w", "e", "n", null}),
                new NumericColumn("age", new double[] {25, 60, 45, Double.NaN, 19})));
        Map<String, QualityFinding> findings = byCheck(Representativeness.check(reference, current), null);
        // 2 of 4 present regions are unseen (w, e); 2 of 4 present ages lie outside [20, 50].
        assertThat(findings.get("unseen-categories").rows()).containsExactly(1, 2);
        assertThat(findings.get("unseen-categories").message()).contains("50.0%").contains("[w, e]");
        assertThat(findings.get("out-of-range").rows()).containsExactly(1, 4);
        assertThat(findings.get("missing-column").severity()).isEqualTo(Severity.ERROR);
    }
}
