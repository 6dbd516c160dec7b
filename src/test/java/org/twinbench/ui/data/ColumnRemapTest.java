package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;

/** Switching the churn sample to a table with other column names: what is missing, what is proposed. */
class ColumnRemapTest {

    @Test
    void editDistanceIsLevenshteins() {
        // The textbook pairs: kitten → sitting 3, flaw → lawn 2, and nothing to do for equal words.
        assertThat(ColumnRemap.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ColumnRemap.distance("flaw", "lawn")).isEqualTo(2);
        assertThat(ColumnRemap.distance("region", "region")).isZero();
        assertThat(ColumnRemap.similarity("Monthly Spend", "monthly_spend")).isEqualTo(1.0);
        assertThat(ColumnRemap.similarity("tenure", "tenure_months")).isEqualTo(0.8);
    }

    @Test
    void everyMissingColumnIsListedWithAMatchOfTheRightKind() {
        Scenario churn = SampleScenarios.churnPriceRise(1);
        Map<String, ValueKind> columns = new LinkedHashMap<>();
        columns.put("tenure_mths", ValueKind.NUMBER);
        columns.put("monthly_fee", ValueKind.NUMBER);
        columns.put("monthly_plan", ValueKind.TEXT);
        columns.put("support_tickets", ValueKind.NUMBER);
        columns.put("plan", ValueKind.TEXT);
        columns.put("sales_channel", ValueKind.TEXT);
        columns.put("area", ValueKind.TEXT);
        columns.put("usage_hours_last_month", ValueKind.NUMBER);
        columns.put("has_churned", ValueKind.TEXT);

        List<ColumnRemap.Missing> missing = ColumnRemap.missing(churn, columns);
        assertThat(missing).extracting(ColumnRemap.Missing::column).containsExactly("monthly_spend", "churned",
                "tenure_months", "channel", "region", "last_month_usage_hours");
        ColumnRemap.Missing spend = missing.get(0);
        // The price rise is a covariate shift: only numbers are offered, so "monthly_plan" is not, though close.
        assertThat(spend.kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(spend.choices()).doesNotContain("monthly_plan", "plan");
        assertThat(spend.proposed()).isEqualTo("monthly_fee");
        assertThat(spend.nodes()).contains("price-rise", "price-reaction", "churn-model");
        assertThat(missing.get(1).proposed()).isEqualTo("has_churned");
        assertThat(missing.get(2).proposed()).isEqualTo("tenure_mths");
        assertThat(missing.get(3).proposed()).isEqualTo("sales_channel");
        assertThat(missing.get(4).proposed()).as("region and area share no letters in order").isNull();

        Scenario renamed = ColumnRemap.apply(churn, Map.of("monthly_spend", "monthly_fee", "region", "area"));
        assertThat(renamed.node("price-rise").orElseThrow().params()).containsEntry("column", "monthly_fee");
        assertThat(renamed.node("accuracy-by-plan").orElseThrow().params().get("slices"))
                .isEqualTo(List.of("plan", "area"));
        assertThat(renamed.node("churn-model").orElseThrow().params().get("features").toString())
                .contains("monthly_fee").doesNotContain("monthly_spend");
        assertThat(renamed.edges()).isEqualTo(churn.edges());
        assertThat(ColumnRemap.missing(renamed, columns)).extracting(ColumnRemap.Missing::column)
                .doesNotContain("monthly_spend", "region");
    }
}
