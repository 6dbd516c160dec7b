package org.twinbench.ui.runs;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/**
 * Benchmark (not a test): what {@link EngineWarmUp} saves the first run, without a window and in figures the
 * load of a shared machine hardly moves. A fresh JVM runs the sample as {@code RunAppSmoothness} does (10,000
 * steps of 100 rows sliced by region and employment type), after the warm-up (argument {@code warm}) or
 * without it ({@code cold}), and prints the engine thread's CPU time for the first 1,000 steps and for all,
 * and the JIT compilers' time during the run. With {@code -XX:+PrintCompilation}, the compilations after the
 * line {@code RUN START} are those the run waited for:
 * {@code java -XX:+PrintCompilation -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.twinbench.ui.runs.EngineWarmUpEffect warm | sed -n '/RUN START/,$p' | grep -c twinbench}.
 */
public final class EngineWarmUpEffect {

    private EngineWarmUpEffect() {
    }

    public static void main(String[] args) throws Exception {
        boolean warm = args.length > 0 && args[0].equals("warm");
        Path dir = BundledSamples.extractTo(Files.createTempDirectory("twinbench-warm-up"));
        Path file = dir.resolve(SampleScenarios.LOANS_RECESSION_FILE);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var jit = ManagementFactory.getCompilationMXBean();
        if (warm) {
            long cpu = threads.getCurrentThreadCpuTime();
            int steps = EngineWarmUp.run(file, new RunControl());
            System.out.printf(Locale.ROOT, "warm-up: %d steps, cpu %.2fs%n", steps,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        Scenario scenario = ScenarioFormat.read(file);
        for (ScenarioNode source : scenario.nodesOfKind("source.")) {
            scenario = scenario.withNode(source.withParam("steps", 10_000).withParam("batch_size", 100));
        }
        for (ScenarioNode slices : scenario.nodesOfKind("monitor.slice-metrics")) {
            scenario = scenario.withNode(slices.withParam("slices", List.of("region", "employment_type")));
        }
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        System.out.println("RUN START");
        long jitBefore = jit.getTotalCompilationTime();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long[] firstThousand = new long[1];
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                if (result.step() == 999) {
                    firstThousand[0] = threads.getCurrentThreadCpuTime();
                }
            }
        }, new RunControl());
        long cpuAfter = threads.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "%s: engine cpu for the first 1000 steps %.3fs, for all 10000 %.3fs; jit during "
                + "the run %d ms%n", warm ? "warm" : "cold", (firstThousand[0] - cpuBefore) / 1e9,
                (cpuAfter - cpuBefore) / 1e9, jit.getTotalCompilationTime() - jitBefore);
    }
}
