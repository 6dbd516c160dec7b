package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.DataProvenance;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.OutcomeColumn;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;

/**
 * "New scenario from this data" on a table whose outcome is not clear: it says why no column was proposed and
 * lists the columns that can be one (two values, a few classes, amounts) best first, by the shared inference's
 * scores worked out by hand from its rules (two values +3, a few classes +1.5, last column +1, a calendar number −3;
 * a choice needs a lead of 2).
 */
class OutcomeQuestionTest {

    private static OutcomeQuestion question(Dataset data) {
        Schema schema = ProposedSchema.propose(data, Map.of());
        return OutcomeQuestion.of(data, schema, OutcomeColumn.infer(data));
    }

    @Test
    void aGeneratedTableWithThreeYesNoColumnsAndNoOutcomeNameIsAsked() {
        int n = 200;
        Frame frame = new Frame(List.of(
                new NumericColumn("age", IntStream.range(0, n).mapToDouble(i -> 18 + (i * 7) % 60).toArray()),
                CategoricalColumn.of("smoker", IntStream.range(0, n).mapToObj(i -> i % 3 == 0 ? "yes" : "no")
                        .toArray(String[]::new)),
                CategoricalColumn.of("tier", IntStream.range(0, n).mapToObj(i -> i % 5 < 2 ? "gold" : "silver")
                        .toArray(String[]::new)),
                new NumericColumn("spend", IntStream.range(0, n).mapToDouble(i -> 10 + (i * 13.7) % 400).toArray()),
                CategoricalColumn.of("member", IntStream.range(0, n).mapToObj(i -> i % 7 < 3 ? "Y" : "N")
                        .toArray(String[]::new))));
        OutcomeQuestion asked = question(new Dataset(frame, new DataProvenance("shop.csv", "", n, 5)));
        // member 3 + 1 (last column), smoker 3, tier 3: member leads by 1, less than 2; age and spend (amounts, 0).
        assertThat(asked.choices()).containsExactly("member", "smoker", "tier", "age", "spend");
        assertThat(asked.question()).contains("No column was proposed as the outcome: 'member' and 'smoker' are "
                + "about as likely, and no name settles it. The likeliest columns, best first: 'member' "
                + "(two values, last column), 'smoker' (two values), 'tier' (two values). Choose the column the "
                + "model predicts.");
    }

    @Test
    void rsArrestsNamesItsFirstFourYesNoColumnsInTableOrder() {
        // carData's Arrests (5,226 arrests for marijuana possession in Toronto): pandas' nunique gives two values
        // for released, colour, sex, employed and citizen (3 each); checks has 7 (classes, 1.5), year 6 (a calendar
        // number, 1.5 - 3), age 50 (an amount, 0): they follow, best first.
        Dataset arrests = TableLoader.load(Path.of("src/test/resources/rdata/arrests.csv"));
        OutcomeQuestion asked = question(arrests);
        assertThat(asked.choices()).containsExactly("released", "colour", "sex", "employed", "citizen", "checks",
                "year", "age");
        assertThat(asked.question()).contains("No column was proposed as the outcome: 'released' and 'colour' are "
                + "about as likely, and no name settles it. The likeliest columns, best first: 'released' "
                + "(two values), 'colour' (two values), 'sex' (two values), 'employed' (two values). Choose the "
                + "column the model predicts.");
        // Once the user makes one the target, it leads and nothing is asked.
        Schema chosen = ProposedSchema.propose(arrests, Map.of("employed", org.twinbench.data.ColumnRole.TARGET));
        OutcomeQuestion answered = OutcomeQuestion.of(arrests, chosen, OutcomeColumn.infer(arrests));
        assertThat(answered.question()).isEmpty();
        assertThat(answered.choices()).first().isEqualTo("employed");
    }

    @Test
    void aProposedOutcomeAsksNothingAndATableWithoutYesNoColumnsSaysSo() {
        Dataset loans = TableLoader.load(Path.of("sample-data", "loans.csv"));
        assertThat(question(loans).question()).isEmpty();
        assertThat(question(loans).choices()).first().isEqualTo("defaulted");
        int n = 50;
        Frame amounts = new Frame(List.of(
                new NumericColumn("x", IntStream.range(0, n).mapToDouble(i -> i * 1.5).toArray()),
                new NumericColumn("z", IntStream.range(0, n).mapToDouble(i -> (i * 37) % 50).toArray())));
        // Two amounts: either can be the outcome (a linear regression), neither stands out, so the dialog asks.
        OutcomeQuestion two = question(new Dataset(amounts, new DataProvenance("amounts.csv", "", n, 2)));
        assertThat(two.choices()).containsExactlyInAnyOrder("x", "z");
        assertThat(two.question()).get().asString().startsWith("No column was proposed as the outcome: ");
        // A single value and an id: nothing can be predicted, and the dialog says so.
        Frame nothing = new Frame(List.of(
                new NumericColumn("batch", IntStream.range(0, n).mapToDouble(i -> 7).toArray()),
                CategoricalColumn.of("order_id", IntStream.range(0, n).mapToObj(i -> "A-" + (1000 + i))
                        .toArray(String[]::new))));
        OutcomeQuestion none = question(new Dataset(nothing, new DataProvenance("orders.csv", "", n, 2)));
        assertThat(none.choices()).isEmpty();
        assertThat(none.question()).get().asString().isEqualTo("No column can be the outcome: none has two values, a"
                + " few classes or amounts among the features; make the column the model predicts the target in the"
                + " Columns tab.");
    }
}
