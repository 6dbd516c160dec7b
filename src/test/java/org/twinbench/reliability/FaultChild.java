package org.twinbench.reliability;

import java.nio.file.Path;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.ui.editor.ScenarioFiles;

/**
 * The work a {@link ChildJvm} does until it is killed. {@code save FILE}: saves the two versions of
 * {@link #version} in turn, forever. {@code autosave HOME ORIGIN}: writes them to the recovery file in
 * turn, forever. {@code cli ARGS...}: the command line. Each save prints {@code BEGIN n} before and
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
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
