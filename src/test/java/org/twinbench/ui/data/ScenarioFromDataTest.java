package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Dataset;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/**
 * "New scenario from this data" on a table shaped unlike the samples — other names, a date column,
 * a five-class rating beside the yes/no outcome — down to a scenario that runs.
 */
class ScenarioFromDataTest {

    @TempDir
    Path dir;

    /**
     * 3,000 subscriptions: the outcome "cancelled" (Y/N) is drawn from a logistic rule on the fee,
     * the tenure and the tier, so a logistic regression can learn it.
     */
    static Path subscriptions(Path dir) throws IOException {
        Random random = new Random(7);
        String[] tiers = {"bronze", "silver", "gold", "platinum"};
        String[] channels = {"phone", "email", "chat", "shop", "app"};
        List<String> lines = new ArrayList<>();
        lines.add("signup_date,tenure_days,monthly_fee,contract_tier,support_channel,satisfaction,cancelled");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 3000; i++) {
            double tenure = random.nextInt(1000);
            double fee = 20 + 100 * random.nextDouble();
            String tier = tiers[random.nextInt(tiers.length)];
            double logit = -0.004 * tenure + 0.05 * (fee - 70) + (tier.equals("bronze") ? 1.5 : 0);
            boolean cancelled = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            lines.add(String.format(Locale.ROOT, "%s,%.0f,%.2f,%s,%s,%d,%s", start.plusDays(i % 700), tenure, fee,
                    tier, channels[random.nextInt(channels.length)], 1 + random.nextInt(5), cancelled ? "Y" : "N"));
        }
        Path file = dir.resolve("subscriptions-2025.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void theTableBecomesAScenarioThatRuns() throws IOException {
        Path file = subscriptions(dir);
        Dataset data = TableLoader.load(file);
        Schema schema = ProposedSchema.propose(data, Map.of());

        // The yes/no column first, then the five-class rating and the amounts (a model the run trains for each:
        // logistic for classes, linear for amounts), never the date; its slices are the tier and channel.
        assertThat(ScenarioFromData.outcomes(data, schema)).first().isEqualTo("cancelled");
        assertThat(ScenarioFromData.outcomes(data, schema)).contains("satisfaction", "monthly_fee")
                .doesNotContain("signup_date");
        assertThat(ScenarioFromData.outcomeProblem(data, "satisfaction")).isEmpty();
        assertThat(ScenarioFromData.outcomeProblem(data, "monthly_fee")).isEmpty();
        assertThat(ScenarioFromData.outcomeProblem(data, "cancelled")).isEmpty();
        List<String> slices = schema.withRole(org.twinbench.data.ColumnRole.SLICE);
        assertThat(slices).containsExactlyInAnyOrder("contract_tier", "support_channel");

        List<ScenarioFromData.Change> offered = ScenarioFromData.offer(data, schema, "cancelled", slices);
        // Every change is on a column of the kind its node needs, and says so in words.
        for (ScenarioFromData.Change change : offered) {
            ValueKind needed = ColumnRemap.kindNeeded(change.type(), "column");
            if (needed != null) {
                assertThat(data.kind(change.column())).as(change.words()).isEqualTo(needed);
            }
            assertThat(change.words()).contains(change.column());
        }
        assertThat(offered.get(0).words()).isEqualTo("monthly_fee 20% higher");
        assertThat(offered).extracting(ScenarioFromData.Change::type).contains(NodeCatalog.CATEGORY_MIX,
                NodeCatalog.MISSING_VALUES, NodeCatalog.PRIOR_SHIFT);
        assertThat(offered).noneMatch(c -> c.column().equals("signup_date") || c.column().equals("satisfaction"));
        // The tier's rarest value grows; counted by hand from the file below.
        ScenarioFromData.Change mix = offered.stream().filter(c -> c.type().equals(NodeCatalog.CATEGORY_MIX))
                .filter(c -> c.column().equals("contract_tier")).findFirst().orElseThrow();
        assertThat(mix.params().get("category")).isEqualTo(rarest(data, "contract_tier"));

        List<String> features = schema.features().stream().filter(f -> !f.equals("cancelled")).toList();
        Scenario scenario = ScenarioFromData.build(new ScenarioFromData.Choices(file, "cancelled", features, slices,
                null, offered.subList(0, 2)), dir);
        assertThat(scenario.name()).isEqualTo("subscriptions-2025");
        assertThat(ScenarioValidator.problems(scenario)).isEmpty();
        ScenarioNode model = scenario.node("model").orElseThrow();
        assertThat(model.params()).containsEntry("target", "cancelled");
        assertThat(model.params().get("features").toString()).doesNotContain("cancelled", "signup_date");
        ScenarioNode source = scenario.nodesOfKind("source.").get(0);
        assertThat(source.params()).containsEntry("path", "subscriptions-2025.csv");
        // The changes start a third of the way into the catalog's default run of 60 steps.
        assertThat(scenario.node("monthly-fee-higher").orElseThrow().params().get("schedule").toString())
                .contains("start=20");

        List<Double> accuracy = new ArrayList<>();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        RunStatus status = SimulationEngine.run(plan.withSteps(4), 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                accuracy.add(result.overall().accuracy());
                assertThat(result.slices()).isNotEmpty();
            }
        }, new RunControl());
        assertThat(status).isEqualTo(RunStatus.COMPLETED);
        // The rule is learnable: well above the 50% a coin gets, below perfect (the draws are noisy).
        assertThat(accuracy).hasSize(4).allMatch(a -> a > 0.7 && a < 0.95);
    }

    @Test
    void aModelFileTakesTheModelsPlace() throws IOException {
        Path file = subscriptions(dir);
        Scenario scenario = ScenarioFromData.build(new ScenarioFromData.Choices(file, "cancelled",
                List.of("monthly_fee"), List.of(), dir.resolve("models").resolve("m.twinmodel"), List.of()), dir);
        assertThat(scenario.node("model").orElseThrow().type()).isEqualTo(NodeCatalog.MODEL_BUNDLE);
        assertThat(scenario.node("model").orElseThrow().params()).containsEntry("path", "models/m.twinmodel");
        assertThat(scenario.description()).contains("no change");
    }

    /**
     * An amount to predict gets a model of amounts: modeldata's Ames sales, "New scenario from this data" with
     * Sale_Price as the outcome and the model trained when the run starts — a linear regression
     * ({@code model.linear}) on the first half of the file, scoring batches of 500 drawn from the other half. Over
     * the 60 steps the mean of the steps' MAE is the MAE of scikit-learn's {@code Ridge(alpha=1)} trained on that
     * half over the other half ({@code rdata/ames_ridge.py}: 25,494.65), within the draws' error (each step's MAE is an
     * unbiased estimate; sd about 0.5% over 60 steps).
     */
    @Test
    void anAmountToPredictGetsALinearRegression() throws IOException {
        Path file = dir.resolve("ames.csv");
        Files.copy(Path.of("src/test/resources/rdata/ames.csv"), file);
        Dataset data = TableLoader.load(file);
        Schema schema = ProposedSchema.propose(data, Map.of());
        assertThat(ScenarioFromData.outcomes(data, schema)).contains("Sale_Price");
        Scenario scenario = ScenarioFromData.build(new ScenarioFromData.Choices(file, "Sale_Price",
                List.of("Neighborhood", "Bldg_Type", "Year_Built", "Lot_Area", "Gr_Liv_Area"), List.of("Bldg_Type"),
                null, List.of(), null, org.twinbench.data.Task.REGRESSION), dir);
        ScenarioNode model = scenario.node("model").orElseThrow();
        assertThat(model.type()).isEqualTo(NodeCatalog.LINEAR_MODEL);
        assertThat(model.params()).containsEntry("target", "Sale_Price");
        assertThat(ScenarioValidator.problems(scenario)).isEmpty();

        List<Double> mae = new ArrayList<>();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        RunStatus status = SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                mae.add(result.overall().get("mae"));
            }
        }, new RunControl());
        assertThat(status).isEqualTo(RunStatus.COMPLETED);
        double sklearn = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Path.of("src/test/resources/rdata/ames_ridge.json").toFile()).get("file_order_half").asDouble();
        assertThat(mae).hasSize(60);
        assertThat(mae.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .isCloseTo(sklearn, org.assertj.core.data.Percentage.withPercentage(2));
    }

    /**
     * Ames dates its sales by two whole numbers, Year_Sold and Mo_Sold: "New scenario from this data" offers to replay
     * by them a month or a quarter a step (a year and a month name no day). pandas on the sales sorted by (year,
     * month): the middle one is in April 2008, so the reference is the 1,411 sales before 2008-04-01, and 28 months
     * (10 quarters) from it are replayed; the run replays exactly those months.
     */
    @Test
    void yearsWithTheirMonthsApartAreOfferedAsAReplay() throws IOException {
        Path file = dir.resolve("ames.csv");
        Files.copy(Path.of("src/test/resources/rdata/ames.csv"), file);
        Dataset data = TableLoader.load(file);
        Schema schema = ProposedSchema.propose(data, Map.of());
        assertThat(ScenarioFromData.yearMonthColumns(data, schema)).singleElement()
                .isEqualTo(new String[] {"Year_Sold", "Mo_Sold"});
        ScenarioFromData.Replay months = ScenarioFromData.replay(data, "Year_Sold", "month", null, "Mo_Sold")
                .orElseThrow();
        assertThat(months.referenceUntil()).isEqualTo(java.time.LocalDate.of(2008, 4, 1));
        assertThat(months.productionWindows()).isEqualTo(28);
        assertThat(months.toString()).isEqualTo("By Year_Sold and Mo_Sold, a month a step (28 months from 2008-04-01)");
        assertThat(ScenarioFromData.referenceRows(data, months)).hasSize(1411);
        assertThat(ScenarioFromData.replay(data, "Year_Sold", "quarter", null, "Mo_Sold").orElseThrow()
                .productionWindows()).isEqualTo(10);
        // A year is no amount to raise by a fifth: the changes offered move the lot and living areas, not Year_Built.
        assertThat(ScenarioFromData.offer(data, schema, "Sale_Price", List.of()))
                .extracting(ScenarioFromData.Change::words).contains("Lot_Area 20% higher", "Gr_Liv_Area 20% higher")
                .noneMatch(w -> w.startsWith("Year_") || w.startsWith("Mo_Sold"));

        Scenario scenario = ScenarioFromData.build(new ScenarioFromData.Choices(file, "Sale_Price",
                List.of("Neighborhood", "Bldg_Type", "Year_Built", "Lot_Area", "Gr_Liv_Area"), List.of(), null,
                List.of(), months, org.twinbench.data.Task.REGRESSION), dir);
        assertThat(scenario.nodesOfKind("source.").get(0).params()).containsEntry("time_column", "Year_Sold")
                .containsEntry("month_column", "Mo_Sold").containsEntry("window", "month")
                .containsEntry("reference_until", "2008-04-01");
        assertThat(ScenarioValidator.problems(scenario)).isEmpty();
        List<Double> rows = new ArrayList<>();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        RunStatus status = SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                rows.add((double) result.overall().n());
            }
        }, new RunControl());
        assertThat(status).isEqualTo(RunStatus.COMPLETED);
        assertThat(rows).hasSize(28);
        assertThat(rows.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(2930 - 1411);
    }

    private static String rarest(Dataset data, String column) {
        var values = data.frame().categorical(column);
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (int row = 0; row < values.size(); row++) {
            counts.merge(values.get(row), 1L, Long::sum);
        }
        return counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
