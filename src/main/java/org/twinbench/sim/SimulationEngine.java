package org.twinbench.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.attack.Attack;
import org.twinbench.sim.monitor.Monitor;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.sim.perturb.StepArrays;
import org.twinbench.sim.policy.Challenger;
import org.twinbench.sim.policy.Policy;
import org.twinbench.sim.policy.PromotePolicy;

/**
 * Runs a plan forward: for every step, draw a batch, apply the perturbations in graph order, score
 * it, measure the model overall and per slice, let the labels that are due arrive, and hand them to
 * the monitors and then the policies (which may replace the model for the next step). Runs on the
 * calling thread; the caller chooses the executor. All state of a run lives in the run, so several
 * replicates of one plan may run at the same time.
 */
public final class SimulationEngine {

    private SimulationEngine() {
    }

    /**
     * Runs one replicate on its own: at its end, what it found in its rows goes to
     * {@link RunListener#onFindings} before {@link RunListener#onFinish}.
     */
    public static RunStatus run(SimulationPlan plan, int replicate, RunListener listener, RunControl control) {
        SliceSample sample = new SliceSample(plan, replicate);
        RunRobustness.Rows robustness = RunRobustness.Rows.of(plan);
        return run(plan, replicate, new ForwardingListener(listener) {
            @Override
            public void onFinish(RunStatus status) {
                if (status == RunStatus.COMPLETED) {
                    listener.onFindings(SliceSample.findings(List.of(sample), plan)
                            .with(robustness == null ? null : robustness.profile()));
                }
                listener.onFinish(status);
            }
        }, control, sample, robustness);
    }

    /**
     * Runs one replicate of several, keeping its labelled rows in {@code sample} and, when not null, the rows of its
     * robustness profile in {@code robustness} (see {@link Experiment}).
     */
    static RunStatus run(SimulationPlan plan, int replicate, RunListener listener, RunControl control,
                         SliceSample sample, RunRobustness.Rows robustness) {
        Run run = new Run(plan, replicate, sample, robustness);
        plan.source().stopWaitingWhen(control::isCancelled);
        try {
            listener.onPhase("Simulating " + plan.steps() + " steps");
            for (int step = 0; step < plan.steps(); step++) {
                if (!control.awaitPermit()) {
                    listener.onFinish(RunStatus.CANCELLED);
                    return RunStatus.CANCELLED;
                }
                StepResult result = run.step(step);
                if (result == null) {
                    // A followed file ended (idle, or stopped) before the steps asked for.
                    RunStatus ended = control.isCancelled() ? RunStatus.CANCELLED : RunStatus.COMPLETED;
                    listener.onFinish(ended);
                    return ended;
                }
                listener.onStep(result, plan.steps());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.onFinish(RunStatus.CANCELLED);
            return RunStatus.CANCELLED;
        }
        listener.onFinish(RunStatus.COMPLETED);
        return RunStatus.COMPLETED;
    }

    /** The state of one replicate: the model in use, labels not yet arrived, monitors and policies. */
    private static final class Run {
        private final SimulationPlan plan;
        private final int replicate;
        private final long seed;
        private final ModelTask task;
        private final ArrayDeque<LabelledBatch> awaitingLabels = new ArrayDeque<>();
        private final List<Monitor.Watch> watches = new ArrayList<>();
        private final List<Policy.Run> policies = new ArrayList<>();
        private final List<Attack.Run> attackers = new ArrayList<>();
        private final SliceSample sample;
        private final LabelSelection selection;
        private final RunRobustness.Rows robustness;
        /** The arrays of a step's batch its perturbations may change in place. */
        private final StepArrays arrays = new StepArrays();
        private TaskModel model;

        Run(SimulationPlan plan, int replicate, SliceSample sample, RunRobustness.Rows robustness) {
            this.plan = plan;
            this.sample = sample;
            this.robustness = robustness;
            this.replicate = replicate;
            this.seed = plan.scenario().seed();
            this.model = plan.model();
            this.task = plan.modelTask();
            this.selection = LabelSelection.of(plan);
            plan.monitors().forEach(m -> watches.add(m.start()));
            plan.policies().forEach(p -> policies.add(p.start()));
            plan.attacks().forEach(a -> attackers.add(a.start()));
        }

        /** The step's results; null when the source has no more rows (a followed file that ended). */
        StepResult step(int step) {
            Frame batch = plan.source().batch(step, replicate, Seeds.random(seed, plan.source().nodeId(), replicate, step));
            if (batch == null) {
                return null;
            }
            arrays.begin(batch, plan.source().freshBatches());
            try {
                for (Perturbation perturbation : plan.perturbations()) {
                    batch = perturbation.apply(batch, step, Seeds.random(seed, perturbation.nodeId(), replicate,
                            step), model);
                }
            } finally {
                arrays.end();
            }
            StepOutput out = new StepOutput(replicate, step);
            Predictions predicted = Predictions.of(model, batch, task.classes());
            boolean[] byChallenger = route(batch, predicted, step);
            Deployment deployment = plan.deployment();
            int[] labels = task.labels(batch);
            if (deployment != null) {
                if (task.task() == Task.BINARY) {
                    predicted = new Predictions(Task.BINARY, deployment.deliver(predicted.values()), null);
                }
                deployment.measure(model, batch, predicted.values(), labels, task.threshold(),
                        Seeds.random(seed, deployment.nodeId(), replicate, step), out);
            }
            double[] scores = predicted.values();
            double[] amounts = task.amounts(batch);
            out.batch(batch, labels, amounts);
            StepResult metrics = task.measure(replicate, step, batch, labels, amounts, predicted, plan.sliceColumns(),
                    plan.sliceBins(), model.labelsOnlyOutput() != null
                            || byChallenger != null && plan.challenger().model().labelsOnlyOutput() != null);

            if (amounts == null) {
                boolean[] right = new boolean[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    right[i] = labels[i] >= 0 && task.predictedClass(scores[i]) == labels[i];
                }
                sample.offer(batch, labels, right);
            } else {
                double[] errors = new double[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    errors[i] = labels[i] >= 0 ? Math.abs(amounts[i] - scores[i]) : Double.NaN;
                }
                sample.offerErrors(batch, labels, errors, amounts);
            }
            if (robustness != null) {
                robustness.offer(step, model, batch, labels);
            }
            if (byChallenger != null) {
                measureArms(labels, amounts, scores, byChallenger, out);
            }
            LabelledBatch current = new LabelledBatch(step, batch, selection != null
                    ? selection.apply(labels, scores) : labels, scores, byChallenger, amounts,
                    predicted.proba());
            awaitingLabels.addLast(current);
            List<LabelledBatch> arrived = new ArrayList<>();
            while (!awaitingLabels.isEmpty() && awaitingLabels.peekFirst().step() <= step - plan.labelDelay()) {
                arrived.add(awaitingLabels.removeFirst());
            }
            for (Monitor.Watch watch : watches) {
                watch.observe(arrived, current, out);
            }
            for (Attack.Run attacker : attackers) {
                attacker.step(step, model, batch, labels, out);
            }
            for (Policy.Run policy : policies) {
                model = policy.act(step, arrived, model, out);
            }
            return new StepResult(replicate, step, metrics.overall(), metrics.slices(), out.measures, out.alarms,
                    metrics.calibration(), plan.source().windowStart(step));
        }

        /** Gives the challenger's predictions to the rows routed to it; null when no challenger is serving. */
        private boolean[] route(Frame batch, Predictions predicted, int step) {
            Challenger challenger = plan.challenger();
            if (challenger == null || step < challenger.fromStep() || PromotePolicy.isPromoted(model, challenger)) {
                return null;
            }
            Predictions alternative = Predictions.of(challenger.model(), batch, task.classes());
            java.util.SplittableRandom random = Seeds.random(seed, challenger.nodeId(), replicate, step);
            boolean[] routed = new boolean[predicted.values().length];
            for (int i = 0; i < routed.length; i++) {
                routed[i] = random.nextDouble() < challenger.trafficShare();
            }
            predicted.take(routed, alternative);
            return routed;
        }

        /**
         * Each arm on this step's labelled rows: {@code champion.accuracy} and {@code <challenger>.accuracy}
         * for a classifier, {@code champion.mae} and {@code <challenger>.mae} for a regression.
         */
        private void measureArms(int[] labels, double[] amounts, double[] scores, boolean[] byChallenger,
                                 StepOutput out) {
            double[] sums = new double[4];
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= 0) {
                    int arm = byChallenger[i] ? 2 : 0;
                    sums[arm] += amounts != null ? Math.abs(amounts[i] - scores[i])
                            : task.predictedClass(scores[i]) == labels[i] ? 1 : 0;
                    sums[arm + 1]++;
                }
            }
            String metric = amounts != null ? ".mae" : ".accuracy";
            out.measure("champion" + metric, sums[1] == 0 ? Double.NaN : sums[0] / sums[1]);
            out.measure(plan.challenger().nodeId() + metric, sums[3] == 0 ? Double.NaN : sums[2] / sums[3]);
        }
    }


    public static int[] labelledRows(int[] labels) {
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
