package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Task;
import org.twinbench.report.WhatIfReport;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfQuestion;
import org.twinbench.sim.whatif.WhatIfRun;

/**
 * The saved report speaks each task's words and says what it is of: UCI wine (three cultivars) and the diabetes
 * patients (an amount) checked through their bundles, and the churn sample (yes/no) with its ONNX model. Only the
 * yes/no report speaks of catching; each names the data file, the model and the date in its title.
 */
class WizardReportWordsTest {

    private static final Path ENGINE = Path.of("src/test/resources/tasks/engine");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static final WhatIfChange FIELD = new WhatIfChange(WhatIfChange.Kind.FIELD_STOPS, 1.0);

    private static String report(WhatIfQuestion question, WhatIfRun.Result result, Task task) {
        return WhatIfReport.html(ResultsPageModel.reportTitle(question, DAY, true), question.changes(), result, task);
    }

    @Test
    void aReportOfKindsNeverSpeaksOfCatching() {
        WhatIfQuestion question = new WhatIfQuestion(ENGINE.resolve("wine-replay.csv"), "cultivar", null,
                List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                        "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315", "proline"),
                List.of("alcohol_level"), List.of(FIELD), 5, ENGINE.resolve("wine-logistic.twinmodel"));
        String html = report(question, WhatIfRun.run(question, step -> { }, new RunControl()), Task.MULTICLASS);
        assertThat(html).contains("<title>Will my model hold up? wine-replay.csv, the model in wine-logistic.twinmodel, "
                + "3 December 2026</title>")
                .contains("The model picks one of 3 kinds of “cultivar”. It is judged on how often it picks the right "
                        + "kind.")
                .contains("on the same rows before and after the change.");
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("catch").doesNotContain("caught");
    }

    @Test
    void aReportOfAmountsNeverSpeaksOfCatching() {
        WhatIfQuestion question = new WhatIfQuestion(ENGINE.resolve("diabetes-replay.csv"), "target", null,
                List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), List.of(), List.of(FIELD), 5,
                ENGINE.resolve("diabetes-linear.twinmodel"));
        String html = report(question, AmountTrial.run(question, step -> { }, new RunControl()), Task.REGRESSION);
        assertThat(html).contains("<title>Will my model hold up? diabetes-replay.csv, the model in "
                + "diabetes-linear.twinmodel, 3 December 2026</title>")
                .contains("The model predicts an amount, “target”. It is judged on how far off it is on average.")
                .contains("<th>Off by before</th><th>Off by after</th>");
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("catch").doesNotContain("caught")
                .doesNotContain("right before");
    }

    @Test
    void aYesNoReportSaysWhatItCatches() {
        WhatIfQuestion question = new WhatIfQuestion(Path.of("sample-data/churn.csv"), "churned", "yes",
                List.of("tenure_months", "monthly_spend", "support_tickets", "last_month_usage_hours"), List.of(),
                List.of(FIELD), 5, Path.of("sample-data/churn-logistic.onnx"));
        String html = report(question, WhatIfRun.run(question, step -> { }, new RunControl()), Task.BINARY);
        assertThat(html).contains("<title>Will my model hold up? churn.csv, the model in churn-logistic.onnx, 3 December "
                + "2026</title>").contains("The model answers yes or no: is “churned” “yes”? It is judged on how often "
                + "it is right and how many “yes” it catches.");
    }
}
