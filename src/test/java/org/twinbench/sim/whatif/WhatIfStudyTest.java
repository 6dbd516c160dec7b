package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.SampleData;
import org.twinbench.data.TableLoader;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunControl;

class WhatIfStudyTest {

    @TempDir
    static Path dir;
    static Frame loans;
    static WhatIfQuestion question;

    @BeforeAll
    static void data() throws IOException {
        Path file = dir.resolve("loans.csv");
        SampleData.writeLoans(file, 4000, 5);
        loans = TableLoader.load(file).frame();
        question = new WhatIfQuestion(file, "defaulted", "yes", List.of("income", "debt_to_income", "age",
                "employment_type", "region", "credit_history_years", "loan_amount", "term_months"), List.of("region"),
                List.of(new WhatIfChange(WhatIfChange.Kind.PRICES_SHIFT, 1.0),
                        new WhatIfChange(WhatIfChange.Kind.NEW_CUSTOMERS, 0.0)), 3);
    }

    @Test
    void incomesFallWhenPricesOrIncomesShift() {
        ScenarioNode node = WhatIfStudy.perturbation(question, loans, question.changes().get(0), "x");
        assertThat(node.type()).isEqualTo(NodeCatalog.COVARIATE_SHIFT);
        assertThat(node.string("column", null)).isEqualTo("income");
        assertThat(node.number("scale", 0)).isEqualTo(0.5);
    }

    @Test
    void newCustomersArriveInTheFirstGroupColumn() {
        ScenarioNode node = WhatIfStudy.perturbation(question, loans, question.changes().get(1), "x");
        assertThat(node.type()).isEqualTo(NodeCatalog.CATEGORY_MIX);
        assertThat(node.string("column", null)).isEqualTo("region");
        assertThat(node.number("share", 0)).isEqualTo(0.1);
    }

    @Test
    void gamingMovesTheMostTellingNumberTowardsTheSafeSide() {
        // Income tells most about default (higher income, fewer defaults), so gamers report more of it.
        ScenarioNode node = WhatIfStudy.perturbation(question, loans,
                new WhatIfChange(WhatIfChange.Kind.GAMING, 1.0), "x");
        assertThat(WhatIfStudy.mostPredictive(question, loans).name()).isEqualTo("income");
        assertThat(WhatIfStudy.labelCorrelation(question, loans, loans.numeric("income"))).isNegative();
        assertThat(node.number("shift", 0)).isPositive();
    }

    @Test
    void scenariosChainDataChangesModelAndChecks() {
        Scenario combined = WhatIfStudy.combined(question, loans);
        assertThat(combined.topologicalOrder()).extracting(ScenarioNode::type).containsExactly(
                NodeCatalog.DATASET_SOURCE, NodeCatalog.COVARIATE_SHIFT, NodeCatalog.CATEGORY_MIX,
                NodeCatalog.LOGISTIC_MODEL, NodeCatalog.SLICE_METRICS, NodeCatalog.DATA_QUALITY);
        // The groups' fairness gaps are measured, and the data checked, off the model.
        assertThat(combined.node(WhatIfStudy.GROUPS_NODE).orElseThrow().flag("fairness")).isTrue();
        assertThat(combined.edges()).contains(new org.twinbench.scenario.ScenarioEdge("your-model",
                WhatIfStudy.DATA_CHECK_NODE));
    }

    @Test
    void aLargeIncomeDropTurnsEveryoneRed() {
        WhatIfRun.Result result = WhatIfRun.run(new WhatIfQuestion(question.data(), "defaulted", "yes",
                question.features(), List.of("region"), List.of(question.changes().get(0)), 3), step -> { },
                new RunControl());
        WhatIfVerdict everyone = result.verdicts().stream().filter(v -> v.group().equals("everyone")).findFirst()
                .orElseThrow();
        assertThat(everyone.light()).isEqualTo(WhatIfVerdict.Light.RED);
        assertThat(everyone.after()).isLessThan(everyone.before() - 0.05);
        assertThat(WhatIfVerdict.summary(question.changes().get(0), result.verdicts()))
                .isEqualTo("If prices or incomes shift a lot, the model fails for everyone — retraining on recent data"
                        + " would be needed.");
    }

    @Test
    void smallDropsWithinSamplingNoiseStayGreen() {
        WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5);
        // 3 points lower on 100 rows each is well inside two standard errors (about 12 points).
        assertThat(WhatIfVerdict.of(change, "region=west", 0.80, 100, 0.77, 100).light())
                .isEqualTo(WhatIfVerdict.Light.GREEN);
        assertThat(WhatIfVerdict.of(change, "region=west", 0.80, 10_000, 0.77, 10_000).light())
                .isEqualTo(WhatIfVerdict.Light.AMBER);
        assertThat(WhatIfVerdict.of(change, "region=west", 0.80, 10_000, 0.77, 10_000).sentence()).isEqualTo(
                "If a season comes round (quite a bit), the model gets somewhat worse for region west: right about 77"
                        + " times out of 100 instead of 80 times out of 100.");
        assertThat(WhatIfVerdict.of(change, "everyone", 0.80, 10_000, 0.70, 10_000).sentence()).isEqualTo(
                "If a season comes round (quite a bit), the model fails for everyone: right only about 7 times out of"
                        + " 10 instead of 8 times out of 10 — it would need retraining on recent data.");
    }

    /**
     * A shop whose customers buy ("yes") exactly when the price they are quoted is above 5, prices
     * uniform on 0..10 and every other row above 5 (so exactly half buy in either half of the rows):
     * a model on the price alone is right nearly always.
     */
    static Path thresholdShop() throws IOException {
        Path file = dir.resolve("shop.csv");
        java.util.Random random = new java.util.Random(11);
        StringBuilder csv = new StringBuilder("price,shop,bought\n");
        for (int i = 0; i < 4000; i++) {
            double price = (i % 2 == 0 ? 5 : 0) + 5 * random.nextDouble();
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%s,%s%n", price, random.nextBoolean() ? "a" : "b",
                    price > 5 ? "yes" : "no"));
        }
        java.nio.file.Files.writeString(file, csv);
        return file;
    }

    @Test
    void retrainingEveryMonthFixesPricesThatRiseButCannotBringBackAFieldThatStopped() throws IOException {
        Path shop = thresholdShop();
        WhatIfChange rise = new WhatIfChange(WhatIfChange.Kind.PRICES_SHIFT, 1.0);
        WhatIfChange stops = new WhatIfChange(WhatIfChange.Kind.FIELD_STOPS, 1.0);
        WhatIfRun.Result result = WhatIfRun.run(new WhatIfQuestion(shop, "bought", "yes", List.of("price"),
                List.of("shop"), List.of(rise, stops), 3), step -> { }, new RunControl());
        WhatIfVerdict risen = everyone(result, rise);
        // Prices 50% higher: the old cut at 5 now sits at 7.5 in quoted prices, so quotes from 5 to 7.5
        // (a sixth of them) are called "yes" wrongly: right about 5 times in 6. A model retrained on a
        // month of the new prices learns the cut at 7.5 again.
        assertThat(risen.before()).isGreaterThan(0.97);
        assertThat(risen.after()).isCloseTo(5.0 / 6, org.assertj.core.api.Assertions.within(0.03));
        assertThat(result.retrainingFor(rise)).isEqualTo(WhatIfVerdict.Retraining.FIXES);
        assertThat(risen.sentence()).endsWith("— retraining every month would fix it.");
        assertThat(risen.retraining().outcome()).isEqualTo("would fix it");
        // Beside the naive guess on the same rows: buyers are half the shop, so always answering "no" is right about
        // half the time, and the model (5 in 6) still beats it.
        assertThat(result.summary(rise)).startsWith("If prices or incomes shift a lot, the model fails for everyone — "
                + "retraining every month would fix it. Everyone: right only about " + WhatIfVerdict.times(risen.after(),
                WhatIfVerdict.needsHundreds(risen.after()) || WhatIfVerdict.needsHundreds(risen.before())) + " (between ")
                .contains(" For comparison, always answering “no” would be right ")
                .contains("% of the time on the same rows. Right answers fell from ")
                .endsWith("out of 100 on the same rows (down 18, between 17 and 20 in 100); a fall this big happens by "
                        + "chance less than 1 time in 1,000.");
        assertThat(result.everyone().get(rise).guessAccuracy()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.05));
        // With the price gone nothing tells buyers apart and they are exactly half: half right, before
        // or after retraining.
        WhatIfVerdict stopped = everyone(result, stops);
        assertThat(stopped.after()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.05));
        assertThat(result.retrainingFor(stops)).isEqualTo(WhatIfVerdict.Retraining.DOES_NOT_HELP);
        // Half right is no better than always answering "no": said so, never "reliable".
        // The run's own data check sees the price column stop arriving in the week it stops (step 6: week 7), which
        // the run without the change never does; the quality alarm is said in the summary.
        assertThat(result.summary(stops)).contains(" A data check would raise the alarm from week 7: “price” missing in "
                + "400 of 400 rows (100%; reference 0.0%).");
        assertThat(result.summary(rise)).doesNotContain("data check");
        assertThat(result.summary(stops)).contains("— retraining every month would not help. Everyone: right only about ")
                .contains(". But it is no better than a guess: always answering “no” would be right ")
                .doesNotContain("reliable");
        assertThat(result.overallAccuracy()).containsKeys("prices or incomes shift, retraining every month",
                "a field stops being filled, retraining every month");
    }

    @Test
    void retrainingIsOnlyTriedWhereAChangeHurts() throws IOException {
        WhatIfChange season = new WhatIfChange(WhatIfChange.Kind.NEW_CUSTOMERS, 0.0);
        WhatIfRun.Result result = WhatIfRun.run(new WhatIfQuestion(thresholdShop(), "bought", "yes", List.of("price",
                "shop"), List.of("shop"), List.of(season), 3), step -> { }, new RunControl());
        assertThat(result.verdicts()).allMatch(v -> v.light() == WhatIfVerdict.Light.GREEN);
        assertThat(result.retrainingFor(season)).isEqualTo(WhatIfVerdict.Retraining.NOT_TRIED);
        assertThat(result.overallAccuracy().keySet()).noneMatch(name -> name.contains("retraining"));
    }

    @Test
    void retrainingOutcomeFollowsTheNumbers() {
        WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.SEASON, 0.5);
        // 0.80 -> 0.70 on 10,000 rows each is red; back to 0.795 is within two standard errors (0.0113) of 0.80.
        assertThat(WhatIfVerdict.retraining(change, "everyone", 0.80, 10_000, 0.70, 10_000, 0.795, 10_000))
                .isEqualTo(WhatIfVerdict.Retraining.FIXES);
        // 0.75 wins back 5 points, well over two standard errors (0.013), but is still red against 0.80.
        assertThat(WhatIfVerdict.retraining(change, "everyone", 0.80, 10_000, 0.70, 10_000, 0.75, 10_000))
                .isEqualTo(WhatIfVerdict.Retraining.HELPS);
        assertThat(WhatIfVerdict.retraining(change, "everyone", 0.80, 10_000, 0.70, 10_000, 0.705, 10_000))
                .isEqualTo(WhatIfVerdict.Retraining.DOES_NOT_HELP);
        assertThat(WhatIfVerdict.Retraining.combine(List.of(WhatIfVerdict.Retraining.FIXES,
                WhatIfVerdict.Retraining.DOES_NOT_HELP))).isEqualTo(WhatIfVerdict.Retraining.HELPS);
    }

    @Test
    void summaryNamesWhoFailsAndDoesNotCallAWorseWholeReliable() {
        WhatIfChange change = new WhatIfChange(WhatIfChange.Kind.FIELD_STOPS, 1.0);
        List<WhatIfVerdict> verdicts = List.of(
                WhatIfVerdict.of(change, "everyone", 0.80, 10_000, 0.77, 10_000),
                WhatIfVerdict.of(change, "region=west", 0.80, 2_000, 0.60, 2_000),
                WhatIfVerdict.of(change, "plan=basic", 0.80, 5_000, 0.77, 5_000),
                WhatIfVerdict.of(change, "region=north", 0.80, 5_000, 0.80, 5_000));
        assertThat(WhatIfVerdict.summary(change, verdicts, WhatIfVerdict.Retraining.HELPS)).isEqualTo(
                "If a field stops being filled (a lot), the model gets somewhat worse for everyone and fails for region"
                        + " west — retraining every month would help, but not fully.");
        assertThat(WhatIfVerdict.summary(change, verdicts.subList(1, 4), WhatIfVerdict.Retraining.FIXES)).isEqualTo(
                "If a field stops being filled (a lot), the model stays reliable for most people but fails for region"
                        + " west; it gets somewhat worse for plan basic — retraining every month would fix it.");
    }

    private static WhatIfVerdict everyone(WhatIfRun.Result result, WhatIfChange change) {
        return result.verdicts().stream().filter(v -> v.change().equals(change) && v.group().equals("everyone"))
                .findFirst().orElseThrow();
    }
}
