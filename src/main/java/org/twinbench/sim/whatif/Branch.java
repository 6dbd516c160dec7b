package org.twinbench.sim.whatif;

import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepOutput;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.sim.policy.Policy;

/**
 * A what-if branched from a step of a run ({@code run --from-step N}): before step N the run is the
 * history as it happened, from N on the scenario's changes apply. Everything that changes the data, the
 * model or the traffic — perturbations, policies (retraining, rollback, promotion), a challenger —
 * starts at N; policies see the labels that arrive from N on. The source, the model, the label delay,
 * the deployment and the monitors run throughout, so the steps before N are, row for row, those of the
 * same scenario without its perturbation, policy and challenger nodes, with the same seed: every node
 * draws from its own random stream ({@link org.twinbench.sim.Seeds}), so holding some off does not move
 * another's draws.
 */
public final class Branch {

    private Branch() {
    }

    /** The plan that runs {@code plan}'s history up to {@code step} and its changes from {@code step} on. */
    public static SimulationPlan from(SimulationPlan plan, int step) {
        if (step < 0 || step >= plan.steps()) {
            throw new IllegalArgumentException("a branch starts at a step from 0 to " + (plan.steps() - 1)
                    + ", not " + step);
        }
        List<Perturbation> perturbations = plan.perturbations().stream()
                .<Perturbation>map(p -> new FromStep(p, step)).toList();
        List<Policy> policies = plan.policies().stream().<Policy>map(p -> new PolicyFromStep(p, step)).toList();
        return new SimulationPlan(plan.scenario(), plan.source(), perturbations, plan.model(), plan.sliceColumns(),
                plan.threshold(), plan.steps(), plan.data(), plan.labelDelay(), plan.monitors(), policies,
                plan.deployment(), plan.selectiveLabels(), plan.challenger() == null ? null
                : plan.challenger().from(step), plan.sliceBins(), attacksFrom(plan.attacks(), step), plan.notes(),
                plan.held());
    }

    /** Attackers that start at {@code step}: before the branch the history had none. */
    private static List<org.twinbench.sim.attack.Attack> attacksFrom(List<org.twinbench.sim.attack.Attack> attacks,
                                                                    int step) {
        return attacks.stream().<org.twinbench.sim.attack.Attack>map(attack -> new org.twinbench.sim.attack.Attack() {
            @Override
            public String nodeId() {
                return attack.nodeId();
            }

            @Override
            public Run start() {
                Run run = attack.start();
                return (at, deployed, rows, labels, out) -> {
                    if (at >= step) {
                        run.step(at, deployed, rows, labels, out);
                    }
                };
            }
        }).toList();
    }

    /**
     * The words a branched run's headline starts with: {@code What-if from step 4 (window 2025-05-01)},
     * followed by {@code of run 12} when it branches from a recorded run ({@code base}, may be null).
     */
    public static String words(SimulationPlan plan, int step, Long base) {
        String window = plan.source().windowStart(step);
        return "What-if from step " + step + (window == null ? "" : " (window " + window + ")")
                + (base == null ? "" : " of run " + base);
    }

    /** True when the plan has something a branch holds off before its step. */
    public static boolean changesAnything(SimulationPlan plan) {
        return !plan.perturbations().isEmpty() || !plan.policies().isEmpty() || plan.challenger() != null
                || !plan.attacks().isEmpty();
    }

    /** A perturbation that leaves the batches before {@code from} as they are. */
    private record FromStep(Perturbation perturbation, int from) implements Perturbation {

        @Override
        public String nodeId() {
            return perturbation.nodeId();
        }

        @Override
        public Frame apply(Frame batch, int step, SplittableRandom random) {
            return step < from ? batch : perturbation.apply(batch, step, random);
        }
    }

    /** A policy that starts at {@code from}: before it, it neither sees labels nor acts. */
    private record PolicyFromStep(Policy policy, int from) implements Policy {

        @Override
        public String nodeId() {
            return policy.nodeId();
        }

        @Override
        public Run start() {
            Run run = policy.start();
            return (int step, List<LabelledBatch> arrived, org.twinbench.model.TaskModel current, StepOutput out) ->
                    step < from ? current : run.act(step, arrived, current, out);
        }
    }
}
