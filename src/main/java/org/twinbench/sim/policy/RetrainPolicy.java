package org.twinbench.sim.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.Frames;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.ModelTask;
import org.twinbench.sim.Predictions;
import org.twinbench.sim.Seeds;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.StepOutput;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.stats.MetricSet;

/**
 * Retrains the model on the last {@code windowSteps} steps of labelled data, either when one of the
 * {@code watched} monitors raises an alarm or every {@code everySteps} steps. Only labels that have
 * arrived are used, so with a label delay of k the newest training rows are k steps old.
 *
 * <p>With {@code rollback}, the newest arrived step is held out: the candidate is trained on the
 * others, and if its accuracy on the holdout (R² for a regression) is below the current model's minus
 * {@code tolerance}, the current model stays (a {@code rollback} event) instead of being replaced (a
 * {@code retrain} event). The candidate is the same task's model, refitted by {@code refit}.
 *
 * <p>{@code poisoning} perturbations (training-data poisoning) are applied to the training rows, with
 * the retrain step as their step; the holdout stays clean.
 */
public record RetrainPolicy(String nodeId, Trigger trigger, int everySteps, List<String> watched, int windowSteps,
                            int minRows, int cooldownSteps, boolean rollback, double tolerance, ModelTask task,
                            long seed, ModelRefit refit, List<Perturbation> poisoning) implements Policy {

    /** What makes the policy retrain. */
    public enum Trigger { ALARM, SCHEDULE }

    public RetrainPolicy {
        watched = List.copyOf(watched);
        poisoning = List.copyOf(poisoning);
    }

    /** A policy for a binary model. */
    public RetrainPolicy(String nodeId, Trigger trigger, int everySteps, List<String> watched, int windowSteps,
                         int minRows, int cooldownSteps, boolean rollback, double tolerance, double scoreThreshold,
                         String target, String positive, long seed, ModelRefit refit, List<Perturbation> poisoning) {
        this(nodeId, trigger, everySteps, watched, windowSteps, minRows, cooldownSteps, rollback, tolerance,
                new ModelTask(Task.BINARY, target, positive, List.of(), scoreThreshold), seed, refit, poisoning);
    }

    /** A policy for a binary model whose training data is not poisoned. */
    public RetrainPolicy(String nodeId, Trigger trigger, int everySteps, List<String> watched, int windowSteps,
                         int minRows, int cooldownSteps, boolean rollback, double tolerance, double scoreThreshold,
                         String target, String positive, long seed, ModelRefit refit) {
        this(nodeId, trigger, everySteps, watched, windowSteps, minRows, cooldownSteps, rollback, tolerance,
                scoreThreshold, target, positive, seed, refit, List.of());
    }

    @Override
    public Run start() {
        ArrayDeque<LabelledBatch> history = new ArrayDeque<>();
        int[] lastRetrain = {Integer.MIN_VALUE / 2};
        return (step, arrived, current, out) -> {
            for (LabelledBatch batch : arrived) {
                history.addLast(batch);
                while (history.size() > windowSteps) {
                    history.removeFirst();
                }
            }
            if (!triggered(step, out) || step - lastRetrain[0] < cooldownSteps) {
                return current;
            }
            List<LabelledBatch> training = new ArrayList<>(history);
            LabelledBatch holdout = rollback && training.size() > 1 ? training.remove(training.size() - 1) : null;
            int rows = training.stream().mapToInt(LabelledBatch::labelled).sum();
            if (rows < minRows) {
                return current;
            }
            lastRetrain[0] = step;
            // Only rows whose label has arrived (selective labels may have withheld some).
            Frame trainRows = Frames.concat(training.stream()
                    .map(b -> b.rows().select(SimulationEngine.labelledRows(b.labels()))).toList());
            for (Perturbation poison : poisoning) {
                trainRows = poison.apply(trainRows, step, Seeds.random(seed, poison.nodeId(), out.replicate(), step));
            }
            long fitSeed = Seeds.random(seed, nodeId, out.replicate(), step).nextLong();
            String window = "steps " + training.get(0).step() + "-" + training.get(training.size() - 1).step();
            TaskModel candidate;
            try {
                candidate = refit.fit(trainRows, fitSeed);
            } catch (org.twinbench.model.ModelException e) {
                out.signal(nodeId, Alarm.ROLLBACK, "could not retrain on " + window + ": " + e.getMessage()
                        + "; kept the previous model");
                return current;
            }
            if (holdout != null) {
                double before = holdoutScore(current, holdout.rows());
                double after = holdoutScore(candidate, holdout.rows());
                if (after < before - tolerance) {
                    out.signal(nodeId, Alarm.ROLLBACK, String.format(Locale.ROOT,
                            "retrained on %s but holdout %s fell %.3f -> %.3f; kept the previous model",
                            window, holdoutMetric(), before, after));
                    return current;
                }
                out.signal(nodeId, Alarm.RETRAIN, String.format(Locale.ROOT,
                        "retrained on %s (%d rows); holdout %s %.3f -> %.3f", window, rows, holdoutMetric(), before,
                        after));
                return candidate;
            }
            out.signal(nodeId, Alarm.RETRAIN, "retrained on " + window + " (" + rows + " rows)");
            return candidate;
        };
    }

    private boolean triggered(int step, StepOutput out) {
        if (trigger == Trigger.SCHEDULE) {
            return step > 0 && step % everySteps == 0;
        }
        return watched.stream().anyMatch(out::alarmFrom);
    }

    /** What the rollback compares: accuracy, or R² for a regression. */
    private String holdoutMetric() {
        return task.task() == Task.REGRESSION ? "R²" : "accuracy";
    }

    private double holdoutScore(TaskModel model, Frame rows) {
        int[] labels = task.labels(rows);
        MetricSet metrics = task.measure(0, 0, rows, labels, task.amounts(rows), Predictions.of(model, rows, task.classes()),
                List.of(), org.twinbench.sim.SliceBins.NONE).overall();
        return task.task() == Task.REGRESSION ? metrics.get("r2") : metrics.accuracy();
    }
}
