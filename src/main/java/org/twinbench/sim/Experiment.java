package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the replicates of a plan (Monte Carlo over the random draws: replicate r draws from
 * (seed, node, r, step)) in parallel on a pool of {@code threads}, and collects each replicate's
 * steps in replicate order, so the outcome does not depend on the number of threads. At the end of a completed
 * run, what the replicates found in their rows ({@link RunFindings}: the worst slices of their pooled labelled
 * rows, the outcome's names, the first replicate's robustness profile) goes to the listener's {@link RunListener#onFindings} and into the outcome.
 */
public final class Experiment {

    private Experiment() {
    }

    public static RunOutcome run(SimulationPlan plan, int replicates, int threads, RunListener listener,
                                 RunControl control) {
        if (replicates < 1 || threads < 1) {
            throw new IllegalArgumentException("replicates and threads must be at least 1");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, replicates), daemonThreads());
        try {
            List<Future<List<StepResult>>> futures = new ArrayList<>();
            RunStatus[] statuses = new RunStatus[replicates];
            List<SliceSample> samples = new ArrayList<>();
            RunRobustness.Rows robustness = RunRobustness.Rows.of(plan);
            for (int r = 0; r < replicates; r++) {
                int replicate = r;
                SliceSample sample = new SliceSample(plan, replicate);
                samples.add(sample);
                RunRobustness.Rows rows = replicate == 0 ? robustness : null;
                futures.add(pool.submit(() -> runOne(plan, replicate, listener, control, statuses, sample, rows)));
            }
            List<List<StepResult>> results = new ArrayList<>();
            for (Future<List<StepResult>> future : futures) {
                results.add(future.get());
            }
            // Complete when every replicate ran to its end: all its steps, or the end of a followed file.
            boolean complete = java.util.Arrays.stream(statuses).allMatch(st -> st == RunStatus.COMPLETED);
            RunFindings found = complete ? SliceSample.findings(samples, plan)
                    .with(robustness == null ? null : robustness.profile()) : null;
            if (found != null) {
                synchronized (listener) {
                    listener.onFindings(found);
                }
            }
            return new RunOutcome(results, complete ? RunStatus.COMPLETED : RunStatus.CANCELLED, found);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.cancel();
            return new RunOutcome(List.of(), RunStatus.CANCELLED);
        } catch (ExecutionException e) {
            control.cancel();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<StepResult> runOne(SimulationPlan plan, int replicate, RunListener listener,
                                           RunControl control, RunStatus[] statuses, SliceSample sample,
                                           RunRobustness.Rows robustness) {
        List<StepResult> steps = new ArrayList<>(Math.min(plan.steps(), 1 << 12));
        statuses[replicate] = SimulationEngine.run(plan, replicate, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                steps.add(result);
                synchronized (listener) {
                    listener.onStep(result, totalSteps);
                }
            }
        }, control, sample, robustness);
        return steps;
    }

    public static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "twinbench-replicate");
            thread.setDaemon(true);
            return thread;
        };
    }
}
