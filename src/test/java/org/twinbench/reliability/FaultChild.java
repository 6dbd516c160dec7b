package org.twinbench.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.ui.editor.ScenarioFiles;

/**
 * The work a {@link ChildJvm} does until it is killed. {@code save FILE}: saves the two versions of
 * {@link #version} in turn, forever. {@code autosave HOME ORIGIN}: writes them to the recovery file in
 * turn, forever. {@code cli ARGS...}: the command line. {@code window ...}: see {@link #windowRun}. Each save prints {@code BEGIN n} before and
 * {@code DONE n} after, so the test knows whether the kill fell inside one; none of this touches
 * JavaFX.
 */
public final class FaultChild {

    private FaultChild() {
    }

    /** Version {@code k % 2} of the scenario the children save: about a megabyte, so a save takes a while. */
    static Scenario version(int k) {
        Scenario base = SampleScenarios.loansRecession(k % 2 == 0 ? 11 : 22);
        return new Scenario("version " + (k % 2), String.valueOf((char) ('a' + k % 2)).repeat(1 << 20), base.seed(),
                base.nodes(), base.edges());
    }

    /**
     * {@code window STORE SCENARIO STEPS}: a run recorded as the window records it (begun in the
     * store, then finished), without the window; prints {@code BEGUN id} once it is in the store.
     */
    private static void windowRun(Path store, Path file, int steps) {
        Scenario scenario = ScenarioFormat.read(file);
        SimulationPlan plan = ScenarioCompiler.compile(scenario, file.toAbsolutePath().getParent(),
                new RunListener() { }).withSteps(steps);
        RunRecording.InProgress run = RunRecording.begin(store, scenario, file, plan);
        System.out.println("BEGUN " + run.id());
        List<StepResult> done = new ArrayList<>();
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                done.add(result);
            }
        }, new RunControl());
        run.finish(done);
        System.out.println("FINISHED " + run.id());
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "save" -> {
                Path file = Path.of(args[1]);
                for (int k = 0; ; k++) {
                    System.out.println("BEGIN " + k);
                    ScenarioFiles.save(version(k), file);
                    System.out.println("DONE " + k);
                }
            }
            case "autosave" -> {
                ScenarioFiles files = new ScenarioFiles(Path.of(args[1]));
                Path origin = Path.of(args[2]);
                for (int k = 0; ; k++) {
                    System.out.println("BEGIN " + k);
                    files.writeRecovery(version(k), origin);
                    System.out.println("DONE " + k);
                }
            }
            case "cli" -> {
                String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
                System.out.println("STARTED");
                System.exit(TwinBenchCommand.execute(rest));
            }
            case "window" -> windowRun(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
