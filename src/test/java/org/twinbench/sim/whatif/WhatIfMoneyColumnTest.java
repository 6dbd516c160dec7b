package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * "Prices or incomes shift" moves the column of money. On modeldata's telco churn it moved {@code tenure} (the months
 * a customer has stayed, the most telling number) and said "Tenure 30% higher", though the table has
 * {@code monthly_charges} and {@code total_charges}: charges, payments and wages are money too (a 0/1 "paperless_billing" is not).
 */
class WhatIfMoneyColumnTest {

    @Test
    void chargesAreMoneyAndTenureIsNot() {
        // The first rows of wa_churn's columns the change can move (pandas: wa_churn.head()).
        Frame data = new Frame(List.<Column>of(
                new NumericColumn("tenure", new double[] {1, 34, 2, 45, 2, 8}),
                new NumericColumn("paperless_billing", new double[] {1, 0, 1, 0, 1, 1}),
                new NumericColumn("monthly_charges", new double[] {29.85, 56.95, 53.85, 42.3, 70.7, 99.65}),
                new NumericColumn("total_charges", new double[] {29.85, 1889.5, 108.15, 1840.75, 151.65, 820.5}),
                CategoricalColumn.of("churn", new String[] {"No", "No", "Yes", "No", "Yes", "Yes"})));
        WhatIfQuestion question = new WhatIfQuestion(Path.of("wa_churn.csv"), "churn", "Yes",
                List.of("tenure", "paperless_billing", "monthly_charges", "total_charges"), List.of(), List.of(), 1, null);
        assertThat(WhatIfStudy.keyNumeric(question, data)).isEqualTo("monthly_charges");
        WhatIfQuestion noMoney = new WhatIfQuestion(Path.of("wa_churn.csv"), "churn", "Yes", List.of("tenure"),
                List.of(), List.of(), 1, null);
        assertThat(WhatIfStudy.keyNumeric(noMoney, data)).isEqualTo("tenure");
    }
}
