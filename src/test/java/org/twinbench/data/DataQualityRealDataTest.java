package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.data.QualityFinding.Severity;

/**
 * The data-quality checks on real data sets no one here made (R's mlbench, AER and carData, written by
 * {@code src/test/resources/rdata/make_data.sh}), against the figures pandas and scikit-learn give in
 * {@code reference.txt}: zeros that stand for "not recorded", repeats that so few distinct values explain, and a
 * column filled in after the outcome.
 */
class DataQualityRealDataTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DataQualityRealDataTest.class.getResource("/rdata/" + name).toURI());
    }

    /** reference.txt: each line's words before its last number, mapped to that number. */
    private static Map<String, Double> reference() throws IOException, URISyntaxException {
        Map<String, Double> out = new HashMap<>();
        for (String line : Files.readAllLines(resource("reference.txt"))) {
            String[] words = line.split(" ");
            for (int i = words.length - 1; i >= 0; i--) {
                try {
                    out.put(String.join(" ", List.of(words).subList(0, i)), Double.parseDouble(words[i]));
                } catch (NumberFormatException notANumber) {
                    // a word, not a figure
                }
            }
        }
        return out;
    }

    private static List<QualityFinding> check(String file, String target) throws URISyntaxException {
        Dataset data = TableLoader.load(resource(file));
        return DataQuality.check(data.frame(), Schema.infer(data, target));
    }

    private static List<QualityFinding> of(List<QualityFinding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void pimaZerosThatCannotBeMeasurementsAreAskedAbout() throws Exception {
        Map<String, Double> ref = reference();
        List<QualityFinding> disguised = of(check("pima.csv", "diabetes"), "disguised-missing");
        // A glucose, blood pressure, skin fold, insulin or body-mass index of 0 is no measurement; 0 pregnancies is.
        assertThat(disguised).extracting(f -> f.columns().get(0))
                .containsExactly("glucose", "pressure", "triceps", "insulin", "mass");
        for (QualityFinding finding : disguised) {
            String column = finding.columns().get(0);
            assertThat((double) finding.rowCount()).as(column).isEqualTo(ref.get("pima zeros " + column));
            // Over 5% of the rows is a warning; fewer, a note.
            assertThat(finding.severity()).as(column).isEqualTo(
                    finding.rowCount() > 0.05 * 768 ? Severity.WARNING : Severity.INFO);
        }
        assertThat(disguised.get(3).message()).contains("'insulin' is 0 in 374 of 768 rows (48.7%)", "(14 to 846)");
    }

    @Test
    void trueZerosAreNotTakenForMissing() throws Exception {
        // Glass holds no magnesium, potassium, barium or iron in many samples; a card holder may spend nothing.
        assertThat(of(check("glass.csv", "Type"), "disguised-missing")).isEmpty();
        assertThat(of(check("creditcard.csv", "card"), "disguised-missing")).isEmpty();
        // modeldata's Chicago: weather_rain is the share of a day's hours with rain, 0 on 3,719 of 5,698 days
        // (pandas, reference.txt) — no rain. Its 0 was taken for a code before.
        assertThat(reference().get("chicago weather_rain zeros")).isEqualTo(3719);
        assertThat(of(check("chicago.csv", "ridership"), "disguised-missing")).isEmpty();
    }

    @Test
    void repeatsThatFewDistinctValuesExplainAreANoteNotAWarning() throws Exception {
        Map<String, Double> ref = reference();
        Dataset titanic = TableLoader.load(resource("titanic.csv"));
        // R's write.csv leaves the row names' header cell empty: the column is read as row_id and left out.
        assertThat(titanic.frame().columnNames()).startsWith(DelimitedReader.ROW_NAMES, "survived");
        Frame frame = titanic.frame();
        assertThat(ChanceRepeats.expected(List.of(frame.column("sex"), frame.column("age"),
                frame.column("passengerClass"), frame.column("survived")), frame.rowCount()))
                .isCloseTo(ref.get("titanic repeats 875 expected"), within(1e-6));
        assertThat(ChanceRepeats.expected(List.of(frame.column("sex"), frame.column("age"),
                frame.column("passengerClass")), frame.rowCount()))
                .isCloseTo(ref.get("titanic feature repeats 971 expected"), within(1e-6));

        List<QualityFinding> findings = check("titanic.csv", "survived");
        QualityFinding repeats = of(findings, "duplicates").get(0);
        assertThat((double) repeats.rowCount()).isEqualTo(ref.get("titanic repeats"));
        assertThat(repeats.severity()).isEqualTo(Severity.INFO);
        assertThat(repeats.message()).contains("as about 812 would by chance");
        QualityFinding conflicts = of(findings, "conflicting-labels").get(0);
        assertThat(conflicts.severity()).isEqualTo(Severity.INFO);
        assertThat(conflicts.message()).contains("no model can tell these rows apart");

        // Glass's measurements have two to four decimals: its one repeated row is no chance.
        QualityFinding glass = of(check("glass.csv", "Type"), "duplicates").get(0);
        assertThat((double) glass.rowCount()).isEqualTo(ref.get("glass repeats"));
        assertThat(glass.severity()).isEqualTo(Severity.WARNING);
        assertThat(glass.message()).startsWith("1 row repeats an earlier row");
    }

    @Test
    void twoValuesGiveTheProbabilityOfAPairByHand() {
        // Two fair coins, two rows: the rows are equal with probability 1/4.
        NumericColumn a = new NumericColumn("a", new double[] {0, 1});
        NumericColumn b = new NumericColumn("b", new double[] {0, 1});
        assertThat(ChanceRepeats.expected(List.of(a, b), 2)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void aColumnFilledInAfterTheOutcomeIsLeftOutAndAnAlmostAsStrongOneIsNamed() throws Exception {
        Map<String, Double> ref = reference();
        List<QualityFinding> findings = check("creditcard.csv", "card");
        // AER's documentation: expenditure and share are known only once a card is granted. Expenditure's ROC AUC
        // (0.9897) is under the 0.99 limit, but it is 0 for every applicant refused a card.
        assertThat(ref.get("creditcard auc expenditure")).isLessThan(TargetLeakage.AUC_LIMIT);
        QualityFinding leak = of(findings, "leakage").get(0);
        assertThat(leak.columns()).containsExactly("expenditure", "card");
        assertThat(leak.severity()).isEqualTo(Severity.ERROR);
        assertThat(leak.message()).contains("it is 0 in 296 of the 296 rows where 'card' is 'no' and in 2.1% of the "
                + "others");
        assertThat(ref.get("creditcard expenditure zero where no 296 of 296 where yes 21 of")).isEqualTo(1023);
        QualityFinding strong = of(findings, "strong-feature").get(0);
        assertThat(strong.columns()).containsExactly("share", "card");
        assertThat(strong.message()).contains(String.format(java.util.Locale.ROOT, "ROC AUC %.4f",
                ref.get("creditcard auc share")));
        // Pima's features are strong only together: nothing is called a leak.
        assertThat(of(check("pima.csv", "diabetes"), "leakage")).isEmpty();
        assertThat(of(check("pima.csv", "diabetes"), "strong-feature")).isEmpty();
    }
}
