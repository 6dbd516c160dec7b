package org.twinbench.sim;

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
                NodeCatalog.LOGISTIC_MODEL, NodeCatalog.SLICE_METRICS);
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
        assertThat(WhatIfVerdict.of(change, "everyone", 0.80, 10_000, 0.70, 10_000).sentence()).isEqualTo(
                "If a season comes round (quite a bit), the model fails for everyone: right only about 7 times out of"
                        + " 10 instead of 8 times out of 10 — it would need retraining on recent data.");
    }
}
