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
            List<Future<Replicate>> futures = new ArrayList<>();
            for (int r = 0; r < replicates; r++) {
                int replicate = r;
                futures.add(pool.submit(() -> replicate(plan, replicate, new RunListener() {
                    @Override
                    public void onStep(StepResult result, int totalSteps) {
                        synchronized (listener) {
                            listener.onStep(result, totalSteps);
                        }
                    }
                }, control)));
            }
            List<Replicate> done = new ArrayList<>();
            for (Future<Replicate> future : futures) {
                done.add(future.get());
            }
            List<List<StepResult>> results = done.stream().map(Replicate::steps).toList();
            // Complete when every replicate ran to its end: all its steps, or the end of a followed file.
            boolean complete = done.stream().allMatch(d -> d.status() == RunStatus.COMPLETED);
            RunFindings found = complete ? ReplicateFindings.pool(done.stream().map(Replicate::findings).toList())
                    : null;
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

    /**
     * One replicate of a run: its steps, how it ended and its part of the run's findings.
     *
     * @param findings its reservoir of labelled rows and (replicate 0) robustness profile; {@link ReplicateFindings#pool}
     *     makes the run's findings of all replicates' parts (complete replicates only)
     */
    public record Replicate(List<StepResult> steps, RunStatus status, ReplicateFindings findings) {
    }

    /**
     * Runs replicate {@code replicate} of {@code plan} on the calling thread as {@link #run} runs each of its
     * replicates (a sweep runs its tasks with it), steps going to {@code listener} as they are made.
     */
    public static Replicate replicate(SimulationPlan plan, int replicate, RunListener listener, RunControl control) {
        SliceSample sample = new SliceSample(plan, replicate);
        RunRobustness.Rows robustness = replicate == 0 ? RunRobustness.Rows.of(plan) : null;
        List<StepResult> steps = new ArrayList<>(Math.min(plan.steps(), 1 << 12));
        RunStatus status = SimulationEngine.run(plan, replicate, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                steps.add(result);
                listener.onStep(result, totalSteps);
            }
        }, control, sample, robustness);
        return new Replicate(steps, status, status == RunStatus.COMPLETED
                ? new ReplicateFindings(plan, sample, robustness) : null);
    }

    public static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "twinbench-replicate");
            thread.setDaemon(true);
            return thread;
        };
    }
}
