package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The outcome column and the task it calls for, on tables with realistic headers. */
class OutcomeColumnTest {

    private static final int N = 200;

    private static CategoricalColumn text(String name, java.util.function.IntFunction<String> value) {
        return CategoricalColumn.of(name, IntStream.range(0, N).mapToObj(value).toArray(String[]::new));
    }

    private static NumericColumn numbers(String name, java.util.function.IntToDoubleFunction value) {
        return new NumericColumn(name, IntStream.range(0, N).mapToDouble(value).toArray());
    }

    /** The head of an HR attrition table: the outcome sits second, a two-valued rating last. */
    private static Frame attrition() {
        return new Frame(List.of(
                numbers("Age", i -> 20 + i % 40),
                text("Attrition", i -> i % 6 == 0 ? "Yes" : "No"),
                text("Department", i -> List.of("Sales", "Research & Development", "Human Resources").get(i % 3)),
                numbers("EmployeeNumber", i -> 1000 + i),
                text("HireDate", i -> String.format("2020-01-%02d", 1 + i % 28)),
                numbers("MonthlyIncome", i -> 2000 + 37.5 * i),
                text("Over18", i -> "Y"),
                text("OverTime", i -> i % 3 == 0 ? "Yes" : "No"),
                numbers("PerformanceRating", i -> i % 7 == 0 ? 4 : 3)));
    }

    @Test
    void anHrTableGivesAttritionNotTheLastTwoValuedRating() {
        OutcomeColumn.Inference inference = OutcomeColumn.infer(attrition());
        assertThat(inference.column()).contains("Attrition");
        assertThat(inference.chosen().task()).isEqualTo(Task.BINARY);
        assertThat(inference.chosen().reason()).contains("name says outcome", "two values");
        List<String> candidates = inference.candidates().stream().map(OutcomeColumn.Candidate::column).toList();
        // An id, a date and a constant are never candidates.
        assertThat(candidates).doesNotContain("EmployeeNumber", "HireDate", "Over18");
    }

    @Test
    void theTaskFollowsFromTheColumn() {
        Frame frame = attrition();
        assertThat(Task.of(frame.column("Attrition"))).contains(Task.BINARY);
        assertThat(Task.of(frame.column("Department"))).contains(Task.MULTICLASS);
        assertThat(Task.of(frame.column("MonthlyIncome"))).contains(Task.REGRESSION);
        assertThat(Task.of(frame.column("Over18"))).isEmpty();
        // Whole numbers with a few values are classes (a 1-5 rating); fractions are amounts.
        assertThat(Task.of(numbers("stars", i -> 1 + i % 5))).contains(Task.MULTICLASS);
        assertThat(Task.of(numbers("ratio", i -> 0.5 * (i % 5)))).contains(Task.REGRESSION);
        // More than fifty texts are not classes.
        assertThat(Task.of(text("city", i -> "c" + i % 60))).isEmpty();
    }

    @Test
    void aPriceTableProposesThePriceAsARegressionButAsksWhenAFeatureIsClose() {
        Frame listings = new Frame(List.of(
                text("listing_id", i -> "L" + i),
                numbers("bedrooms", i -> 1 + i % 4),
                text("neighbourhood", i -> "n" + i % 12),
                numbers("price", i -> 50 + 3.7 * i)));
        OutcomeColumn.Inference inference = OutcomeColumn.infer(listings);
        OutcomeColumn.Candidate best = inference.candidates().get(0);
        assertThat(best.column()).isEqualTo("price");
        assertThat(best.task()).isEqualTo(Task.REGRESSION);
        // bedrooms (four values) scores 1.5 against the price's 3: not a lead of 2, so the user is asked.
        assertThat(inference.column()).isEmpty();
        Frame named = new Frame(List.of(listings.column("listing_id"), listings.column("neighbourhood"),
                listings.column("price").renamed("sale_price_target")));
        assertThat(OutcomeColumn.infer(named).column()).contains("sale_price_target");
    }

    @Test
    void twoEquallyLikelyColumnsAreNotAClearChoice() {
        Frame frame = new Frame(List.of(
                numbers("x", i -> i * 0.1),
                text("churned", i -> i % 4 == 0 ? "yes" : "no"),
                text("defaulted", i -> i % 5 == 0 ? "yes" : "no")));
        OutcomeColumn.Inference inference = OutcomeColumn.infer(frame);
        assertThat(inference.column()).isEmpty();
        assertThat(inference.describeCandidates(5)).startsWith("defaulted (binary; name says outcome, two values, last "
                + "column), churned (binary;");
    }

    @Test
    void aNearCopyOfAnotherColumnIsMarkedDown() {
        Frame frame = new Frame(List.of(
                text("status", i -> i % 3 == 0 ? "closed" : "open"),
                numbers("status_code", i -> i % 3 == 0 ? 1 : 0),
                numbers("amount", i -> i * 1.5)));
        OutcomeColumn.Inference inference = OutcomeColumn.infer(frame);
        OutcomeColumn.Candidate status = inference.candidates().stream().filter(c -> c.column().equals("status"))
                .findFirst().orElseThrow();
        assertThat(status.reason()).contains("a near-copy of 'status_code'");
    }

    @Test
    void outcomeWordsAreFoundInAnyCase() {
        assertThat(OutcomeColumn.nameScore("IsFraud")).isEqualTo(OutcomeColumn.STRONG_NAME);
        assertThat(OutcomeColumn.nameScore("CHURN_FLAG")).isEqualTo(OutcomeColumn.STRONG_NAME);
        assertThat(OutcomeColumn.nameScore("y")).isEqualTo(OutcomeColumn.STRONG_NAME);
        assertThat(OutcomeColumn.nameScore("loan_status")).isEqualTo(OutcomeColumn.WEAK_NAME);
        assertThat(OutcomeColumn.nameScore("monthly_income")).isZero();
        // modeldata's Ames housing: MS_SubClass is a dwelling type (16 codes), its first column, not an outcome.
        assertThat(OutcomeColumn.nameScore("MS_SubClass")).isZero();
        assertThat(OutcomeColumn.nameScore("sub_class")).isZero();
        assertThat(OutcomeColumn.nameScore("income_class")).isEqualTo(OutcomeColumn.STRONG_NAME);
    }

    @Test
    void theBundledSamplesAndThePublicSetsGiveTheirOutcome() {
        assertThat(OutcomeColumn.infer(TableLoader.load(java.nio.file.Path.of("sample-data", "loans.csv"))).column())
                .contains("defaulted");
        assertThat(OutcomeColumn.infer(TableLoader.load(java.nio.file.Path.of("sample-data", "churn.csv"))).column())
                .contains("churned");
        assertThat(OutcomeColumn.infer(TableLoader.load(java.nio.file.Path.of("sample-data", "public", "wine.csv")))
                .column()).contains("cultivar");
        assertThat(OutcomeColumn.infer(TableLoader.load(java.nio.file.Path.of("sample-data", "public",
                "diabetes.csv"))).column()).contains("target");
    }

    /**
     * AER's HMDA mortgage applications (2,380, {@code rdata/make_data.sh}): the outcome, whether the loan was denied,
     * sits first among thirteen columns, seven of them yes/no flags; its name says it, so it is chosen over the last
     * column's flag (high-school graduate).
     */
    @Test
    void aDenialIsTheOutcomeAmongManyYesNoFlags() {
        OutcomeColumn.Inference inference = OutcomeColumn.infer(TableLoader.load(java.nio.file.Path.of("src", "test",
                "resources", "rdata", "hmda.csv")));
        assertThat(inference.chosen()).isNotNull();
        assertThat(inference.chosen().column()).isEqualTo("deny");
        assertThat(inference.chosen().task()).isEqualTo(Task.BINARY);
    }

    /**
     * ggplot2's diamonds (2,000 drawn at random, {@code rdata/make_data.sh}): x, y, z are a stone's length, width and
     * depth in mm. A column named y beside x and z is a coordinate; the table has no outcome that is clear (price is
     * only likely), so the caller asks rather than training a model of the width.
     */
    @Test
    void aDiamondsWidthNamedYIsACoordinateNotTheOutcome() {
        OutcomeColumn.Inference inference = OutcomeColumn.infer(
                TableLoader.load(java.nio.file.Path.of("src/test/resources/rdata/diamonds.csv")));
        assertThat(inference.column()).isEmpty();
        assertThat(inference.candidates().get(0).column()).isEqualTo("price");
        assertThat(inference.candidates().get(0).reason()).contains("name says it may be an outcome");
        OutcomeColumn.Candidate y = inference.candidates().stream().filter(c -> c.column().equals("y")).findFirst()
                .orElse(null);
        assertThat(y == null || y.reason().contains("x, y, z read as coordinates")).isTrue();
        // Without x and z beside it, y is the usual name of an outcome.
        Frame xy = new Frame(List.of(numbers("x", i -> i), numbers("y", i -> i % 2)));
        assertThat(OutcomeColumn.infer(xy).column()).contains("y");
    }

    @Test
    void chicagosRidershipIsAmongTheCandidatesBesideTheHomeGameFlags() {
        // modeldata's Chicago: the ridership to predict, five 0/1 home-game flags. None is clear: train asks, and
        // the amount a user wants is listed (it was not: an amount without a known name scored nothing).
        OutcomeColumn.Inference inference = OutcomeColumn.infer(
                TableLoader.load(java.nio.file.Path.of("src/test/resources/rdata/chicago.csv")));
        assertThat(inference.column()).isEmpty();
        OutcomeColumn.Candidate ridership = inference.candidates().stream()
                .filter(c -> c.column().equals("ridership")).findFirst().orElseThrow();
        assertThat(ridership.task()).isEqualTo(Task.REGRESSION);
        assertThat(ridership.reason()).startsWith("name says it may be an outcome");
        assertThat(inference.describeCandidates(6)).contains("ridership (regression; name says it may be an outcome");
    }

    @Test
    void aYearIsACalendarNumberNotAnOutcome() {
        // R's penguins: species, island, sex could be outcomes; year (2007 to 2009, the last column) says when.
        OutcomeColumn.Inference inference = OutcomeColumn.infer(
                TableLoader.load(java.nio.file.Path.of("src/test/resources/rdata/penguins.csv")));
        assertThat(inference.column()).isEmpty();
        assertThat(inference.candidates()).extracting(OutcomeColumn.Candidate::column)
                .contains("sex", "species", "island").doesNotContain("year");
    }
}
