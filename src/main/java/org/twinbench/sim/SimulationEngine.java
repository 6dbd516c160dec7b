package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * Runs a plan forward: for every step, draw a batch, apply the perturbations in graph order, score
 * it, and measure the model overall and per slice. Runs on the calling thread; the caller chooses
 * the executor.
 */
public final class SimulationEngine {

    private SimulationEngine() {
    }

    public static RunStatus run(SimulationPlan plan, int replicate, RunListener listener, RunControl control) {
        long seed = plan.scenario().seed();
        String target = plan.target();
        String positive = plan.model().card().positiveLabel();
        try {
            listener.onPhase("Simulating " + plan.steps() + " steps");
            for (int step = 0; step < plan.steps(); step++) {
                if (!control.awaitPermit()) {
                    listener.onFinish(RunStatus.CANCELLED);
                    return RunStatus.CANCELLED;
                }
                listener.onStep(step(plan, replicate, step, seed, target, positive), plan.steps());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.onFinish(RunStatus.CANCELLED);
            return RunStatus.CANCELLED;
        }
        listener.onFinish(RunStatus.COMPLETED);
        return RunStatus.COMPLETED;
    }

    static StepResult step(SimulationPlan plan, int replicate, int step, long seed, String target, String positive) {
        Frame batch = plan.source().batch(Seeds.random(seed, plan.source().nodeId(), replicate, step));
        for (Perturbation perturbation : plan.perturbations()) {
            batch = perturbation.apply(batch, step, Seeds.random(seed, perturbation.nodeId(), replicate, step));
        }
        double[] scores = plan.model().scorePositive(batch);
        int[] labels = BinaryLabels.encode(batch.column(target), positive);
        int[] keep = labelledRows(labels);
        int[] y = new int[keep.length];
        double[] s = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            y[i] = labels[keep[i]];
            s[i] = scores[keep[i]];
        }
        MetricSet overall = ClassificationMetrics.compute(y, s, plan.threshold());
        List<SliceMetrics> slices = new ArrayList<>();
        for (String column : plan.sliceColumns()) {
            CategoricalColumn values = batch.categorical(column).select(keep);
            slices.addAll(SliceMetrics.bySlice(column, values.codes(), values.levels(), y, s, plan.threshold()));
        }
        return new StepResult(replicate, step, overall, slices);
    }

    private static int[] labelledRows(int[] labels) {
        int n = 0;
        for (int label : labels) {
            n += label >= 0 ? 1 : 0;
        }
        int[] rows = new int[n];
        int j = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                rows[j++] = i;
            }
        }
        return rows;
    }
}
