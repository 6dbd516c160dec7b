package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.twinbench.scenario.SampleScenarios;

/** The export dialog's inputs: the parameters a grid can vary (no toolkit needed); typed values: SweepGridTest. */
class SweepActionsTest {

    @Test
    void parametersAreTheNumericOnesIncludingThoseInsideASchedule() {
        assertThat(SweepActions.parameters(SampleScenarios.loansRecession(4)))
                .contains("recession.scale", "recession.schedule.start", "loans.batch_size")
                .doesNotContain("loans.path", "loans.replace");
    }

    @Test
    void anImportSaysHowManyPointsWereAlreadyInTheHistory() {
        java.nio.file.Path folder = java.nio.file.Path.of("sweep-out");
        var fresh = new org.twinbench.report.SweepImport.Imported(1, "a", false);
        var known = new org.twinbench.report.SweepImport.Imported(2, "b", true);
        assertThat(SweepActions.importMessage(java.util.List.of(fresh, fresh), folder))
                .isEqualTo("Imported 2 runs from sweep-out into the run history");
        assertThat(SweepActions.importMessage(java.util.List.of(fresh, known), folder))
                .isEqualTo("Imported 1 run from sweep-out into the run history (1 was already there)");
        assertThat(SweepActions.importMessage(java.util.List.of(known, known), folder))
                .isEqualTo("All 2 runs from sweep-out were already in the run history");
        assertThat(SweepActions.importMessage(java.util.List.of(known), folder))
                .isEqualTo("The run from sweep-out was already in the run history");
    }
}
