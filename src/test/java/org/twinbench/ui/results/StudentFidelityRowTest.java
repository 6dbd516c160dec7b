package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.StepResult;

/**
 * A run that serves a distilled student (sample-data/demos/edge-student.twin.json): with the student's agreement
 * with its teacher chosen, the slice table's overall row is that share alone, not read beside the served model's
 * recall as if it were the model's accuracy; with accuracy chosen, the recall is beside it as in any yes/no run.
 */
@ExtendWith(ApplicationExtension.class)
class StudentFidelityRowTest {

    private static final Path DEMOS = Path.of("sample-data", "demos").toAbsolutePath();

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 10).model();
    }

    @Test
    void theStudentsFidelityIsNotCalledRecall(FxRobot robot) throws Exception {
        List<StepResult> steps = Experiment.run(ScenarioCompiler.compile(ScenarioFormat.read(
                DEMOS.resolve("edge-student.twin.json")), DEMOS, new RunListener() { }), 1, 1,
                new RunListener() { }, new RunControl()).replicates().get(0);
        robot.interact(() -> model.accept(steps));
        robot.interact(() -> model.metricProperty().set("accuracy"));
        assertThat(BaselineBesideFiguresTest.cell(robot, "overall", "Latest")).contains(", recall ");
        for (String share : List.of("student_fidelity", "teacher_accuracy")) {
            robot.interact(() -> model.metricProperty().set(share));
            assertThat(BaselineBesideFiguresTest.cell(robot, "overall", "Latest")).as(share)
                    .matches("\\d\\.\\d{3}").doesNotContain("recall");
        }
    }
}
