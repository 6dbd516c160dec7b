package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelCard;
import org.twinbench.model.ModelTrainer;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.monitor.DriftStatistics;
import org.twinbench.sim.monitor.ErrorDetector;
import org.twinbench.sim.monitor.ErrorDetectors;
import org.twinbench.sim.monitor.ErrorStreamMonitor;
import org.twinbench.sim.monitor.FeatureDriftMonitor;
import org.twinbench.sim.monitor.Monitor;
import org.twinbench.sim.monitor.PerformanceMonitor;
import org.twinbench.sim.perturb.Backdoor;
import org.twinbench.sim.perturb.CovariateShift;
import org.twinbench.sim.perturb.LabelNoise;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.sim.policy.ModelRefit;
import org.twinbench.sim.policy.Policy;
import org.twinbench.sim.policy.RetrainPolicy;
import org.twinbench.sim.source.SeaGenerator;
import org.twinbench.sim.source.SyntheticSource;

/** Label delay, monitors, retraining, rollback and deployment, on a SEA stream. */
class OperationsTest {

    static final SyntheticSource SEA = new SyntheticSource("sea", new SeaGenerator(1, 1, 0.0), 200, null);
    static final BinaryClassifier MODEL = ModelTrainer.trainLogistic(SEA.reference(2000, 5), "class",
            List.of("x1", "x2", "x3"), "1", 5, "sea");
    static final Scenario SCENARIO = new Scenario("ops", "", 5, List.of(), List.of());

    /** Writes the step number into x3 (a feature the SEA class ignores), so training rows show their step. */
    static final Perturbation STAMP = new Perturbation() {
        @Override
        public String nodeId() {
            return "stamp";
        }

        @Override
        public Frame apply(Frame batch, int step, SplittableRandom random) {
            double[] values = new double[batch.rowCount()];
            Arrays.fill(values, step);
            return batch.with(new NumericColumn("x3", values));
        }
    };

    private static SimulationPlan plan(int steps, int labelDelay, List<Perturbation> perturbations,
                                       List<Monitor> monitors, List<Policy> policies, Deployment deployment) {
        return new SimulationPlan(SCENARIO, SEA, perturbations, MODEL, List.of(), 0.5, steps, null, labelDelay,
                monitors, policies, deployment);
    }

    private static List<StepResult> run(SimulationPlan plan) {
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
    }

    @Test
    void labelDelayHidesLabelsForKSteps() {
        PerformanceMonitor monitor = new PerformanceMonitor("perf", 2, 0.5, 0.5);
        List<StepResult> steps = run(plan(8, 3, List.of(), List.of(monitor), List.of(), null));
        for (StepResult step : steps) {
            assertThat(step.measures().containsKey("perf.observed_accuracy")).as("step " + step.step())
                    .isEqualTo(step.step() >= 3);
        }
        // At step 3 the monitor has seen exactly the labels of step 0: the true accuracy of step 0.
        assertThat(steps.get(3).measures().get("perf.observed_accuracy")).isEqualTo(steps.get(0).overall().accuracy());
    }

    @Test
    void performanceMonitorAlarmsOnceWhenAccuracyFalls() {
        Perturbation noise = new LabelNoise("noise", new LabelCodec("class", "1", "0"), 0.5,
                new Schedule(Schedule.Kind.SUDDEN, 6, 6, 0));
        PerformanceMonitor monitor = new PerformanceMonitor("perf", 1, 0.8, 0.5);
        List<StepResult> steps = run(plan(12, 0, List.of(noise), List.of(monitor), List.of(), null));
        List<Integer> alarmSteps = steps.stream().filter(s -> !s.alarms().isEmpty()).map(StepResult::step).toList();
        assertThat(alarmSteps).containsExactly(6);
        assertThat(steps.get(5).overall().accuracy()).isGreaterThan(0.9);
    }

    @Test
    void retrainUsesOnlyLabelsThatHaveArrived() {
        List<TreeSet<Integer>> trainedOn = new ArrayList<>();
        ModelRefit recording = (rows, seed) -> {
            TreeSet<Integer> seen = new TreeSet<>();
            for (double v : rows.numeric("x3").values()) {
                seen.add((int) v);
            }
            trainedOn.add(seen);
            return MODEL;
        };
        RetrainPolicy every4 = new RetrainPolicy("retrain", RetrainPolicy.Trigger.SCHEDULE, 4, List.of(), 2, 1, 0,
                false, 0, 0.5, "class", "1", 5, recording);
        List<StepResult> steps = run(plan(13, 3, List.of(STAMP), List.of(), List.of(every4), null));
        // Retrains at steps 4, 8 and 12; with a delay of 3 the newest labels are from step t - 3.
        assertThat(trainedOn).containsExactly(new TreeSet<>(List.of(0, 1)), new TreeSet<>(List.of(4, 5)),
                new TreeSet<>(List.of(8, 9)));
        assertThat(steps.stream().flatMap(s -> s.alarms().stream()).map(Alarm::kind)).containsOnly(Alarm.RETRAIN);
    }

    /** A model that gives the opposite of {@link #MODEL}'s scores: always wrong where MODEL is right. */
    static final BinaryClassifier REVERSED = new BinaryClassifier() {
        @Override
        public double[] scorePositive(Frame batch) {
            double[] scores = MODEL.scorePositive(batch);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = 1 - scores[i];
            }
            return scores;
        }

        @Override
        public ModelCard card() {
            return MODEL.card();
        }
    };

    @Test
    void rollbackKeepsTheOldModelWhenTheNewOneIsWorseOnTheHoldout() {
        RetrainPolicy policy = new RetrainPolicy("retrain", RetrainPolicy.Trigger.SCHEDULE, 3, List.of(), 3, 1, 0,
                true, 0.0, 0.5, "class", "1", 5, (rows, seed) -> REVERSED);
        List<StepResult> steps = run(plan(8, 0, List.of(), List.of(), List.of(policy), null));
        List<Alarm> events = steps.stream().flatMap(s -> s.alarms().stream()).toList();
        assertThat(events).extracting(Alarm::kind).containsExactly(Alarm.ROLLBACK, Alarm.ROLLBACK);
        assertThat(events).extracting(Alarm::step).containsExactly(3, 6);
        // The old model stayed: accuracy never collapses.
        assertThat(steps).allSatisfy(s -> assertThat(s.overall().accuracy()).isGreaterThan(0.9));
    }

    @Test
    void withoutRollbackABadRetrainIsDeployed() {
        RetrainPolicy policy = new RetrainPolicy("retrain", RetrainPolicy.Trigger.SCHEDULE, 3, List.of(), 3, 1, 0,
                false, 0.0, 0.5, "class", "1", 5, (rows, seed) -> REVERSED);
        List<StepResult> steps = run(plan(6, 0, List.of(), List.of(), List.of(policy), null));
        assertThat(steps.get(3).overall().accuracy()).isGreaterThan(0.9);
        assertThat(steps.get(4).overall().accuracy()).isLessThan(0.1);
    }

    @Test
    void retrainOnAlarmFollowsTheWatchedMonitor() {
        Perturbation noise = new LabelNoise("noise", new LabelCodec("class", "1", "0"), 0.5,
                new Schedule(Schedule.Kind.SUDDEN, 4, 4, 0));
        PerformanceMonitor monitor = new PerformanceMonitor("perf", 1, 0.8, 0.5);
        RetrainPolicy policy = new RetrainPolicy("retrain", RetrainPolicy.Trigger.ALARM, 1, List.of("perf"), 2, 1, 0,
                false, 0.0, 0.5, "class", "1", 5, (rows, seed) -> MODEL);
        List<StepResult> steps = run(plan(8, 0, List.of(noise), List.of(monitor), List.of(policy), null));
        List<Alarm> events = steps.stream().flatMap(s -> s.alarms().stream()).toList();
        assertThat(events).extracting(a -> a.step() + ":" + a.kind()).containsExactly("4:alarm", "4:retrain");
    }

    @Test
    void registeredPageHinkleyDetectsAHandWorkedChange() {
        // delta 0, lambda 1, alpha 1: after 0, 0, 0 the sum is 0; the value 1 at index 3 makes the mean
        // 0.25 and the sum 0.75; the next 1 makes the mean 0.4 and the sum 1.35 > 1: a detection at index 4.
        ErrorDetector detector = ErrorDetectors.factory("ph", "page-hinkley",
                Map.of("min_instances", 1.0, "delta", 0.0, "lambda", 1.0, "alpha", 1.0)).get();
        boolean[] detected = new boolean[5];
        double[] values = {0, 0, 0, 1, 1};
        for (int i = 0; i < values.length; i++) {
            detected[i] = detector.add(values[i]);
        }
        assertThat(detected).containsExactly(false, false, false, false, true);
    }

    @Test
    void errorStreamMonitorAlarmsAfterTheErrorsJump() {
        Perturbation noise = new LabelNoise("noise", new LabelCodec("class", "1", "0"), 0.5,
                new Schedule(Schedule.Kind.SUDDEN, 5, 5, 0));
        ErrorStreamMonitor monitor = new ErrorStreamMonitor("ph", "page-hinkley",
                ErrorDetectors.factory("ph", "page-hinkley", Map.of()), 0.5);
        List<StepResult> steps = run(plan(10, 0, List.of(noise), List.of(monitor), List.of(), null));
        List<Integer> alarmSteps = steps.stream().filter(s -> !s.alarms().isEmpty()).map(StepResult::step).toList();
        assertThat(alarmSteps).isNotEmpty().allMatch(step -> step >= 5);
        assertThat(alarmSteps.get(0)).isEqualTo(5);
    }

    @Test
    void deploymentLatencyFollowsTheServiceTimeNetworkAndQueue() {
        Deployment edge = new Deployment("d", false, 20, 0, 40, 1, 1000, 1, 0.05, 0.0, false);
        assertThat(edge.latencies(4, new SplittableRandom(1))).containsExactly(20, 20, 20, 20);
        Deployment cloud = new Deployment("d", true, 20, 0, 40, 1, 1000, 1, 0.05, 0.0, false);
        assertThat(cloud.latencies(2, new SplittableRandom(1))).containsExactly(60, 60);
        // 4 requests in 1 s against a limit of 2/s: request i is served at i/2 s instead of i/4 s.
        Deployment queued = new Deployment("d", false, 20, 0, 0, 1, 2, 1, 0.05, 0.0, false);
        assertThat(queued.latencies(4, new SplittableRandom(1))).containsExactly(20, 20 + 250, 20 + 500, 20 + 750);
        // Batches of 2 at 4 requests/s: the first of a batch waits one inter-arrival time (250 ms).
        Deployment batched = new Deployment("d", false, 20, 0, 0, 2, 1000, 1, 0.05, 0.0, false);
        assertThat(batched.latencies(4, new SplittableRandom(1))).containsExactly(270, 20, 270, 20);
    }

    @Test
    void deploymentReportsNearestRankPercentilesAndCost() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Deployment.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(Deployment.percentile(sorted, 0.95)).isEqualTo(10);
        assertThat(Deployment.percentile(sorted, 0.01)).isEqualTo(1);
        Deployment edge = new Deployment("d", false, 20, 0, 0, 1, 1e9, 3600, 0.05, 2.0, false);
        List<StepResult> steps = run(plan(2, 0, List.of(), List.of(), List.of(), edge));
        assertThat(steps.get(0).measures().get("cost")).isCloseTo(200 / 1000.0 * 0.05 + 2.0, offset(1e-12));
        assertThat(steps.get(0).measures().get("latency_p95_ms")).isCloseTo(20, offset(1e-9));
    }

    @Test
    void quantizedDeploymentRoundsScoresToEightBitsAndHalvesServiceTime() {
        Deployment quantized = new Deployment("d", false, 20, 0, 0, 1, 1000, 1, 0.05, 0.0, true);
        assertThat(quantized.deliver(new double[] {0.2, 0.201, 1.0, 0.0})).containsExactly(51 / 255.0, 51 / 255.0, 1.0, 0.0);
        assertThat(quantized.latencies(1, new SplittableRandom(1))).containsExactly(10);
    }

    @Test
    void selectiveLabelsReachMonitorsOnlyForApprovedRowsWhileMetricsSeeAll() {
        List<LabelledBatch> seen = new ArrayList<>();
        Monitor capture = new Monitor() {
            @Override
            public String nodeId() {
                return "capture";
            }

            @Override
            public Watch start() {
                return (arrived, current, out) -> seen.addAll(arrived);
            }
        };
        SimulationPlan plan = new SimulationPlan(SCENARIO, SEA, List.of(), MODEL, List.of(), 0.5, 3, null, 1,
                List.of(capture), List.of(), null, true);
        List<StepResult> steps = run(plan);
        assertThat(seen).extracting(LabelledBatch::step).containsExactly(0, 1);
        int hidden = 0;
        for (LabelledBatch batch : seen) {
            int[] truth = new LabelCodec("class", "1", "0").read(batch.rows());
            for (int i = 0; i < truth.length; i++) {
                boolean approved = batch.scores()[i] < 0.5;
                assertThat(batch.labels()[i]).isEqualTo(approved ? truth[i] : -1);
                hidden += approved ? 0 : 1;
            }
        }
        assertThat(hidden).isPositive();
        assertThat(steps.get(0).overall().n()).isEqualTo(200);
    }

    /** A refit that records the rows it is given and returns the current model. */
    private static ModelRefit recordInto(List<Frame> frames) {
        return (rows, seed) -> {
            frames.add(rows);
            return MODEL;
        };
    }

    @Test
    void poisoningFlipsTrainingLabelsButNotProduction() {
        List<Frame> trained = new ArrayList<>();
        LabelCodec codec = new LabelCodec("class", "1", "0");
        RetrainPolicy policy = new RetrainPolicy("retrain", RetrainPolicy.Trigger.SCHEDULE, 5, List.of(), 5, 1, 0,
                false, 0.0, 0.5, "class", "1", 5, recordInto(trained),
                List.of(new LabelNoise("poison", codec, 0.3, Schedule.ALWAYS)));
        List<StepResult> steps = run(plan(6, 0, List.of(), List.of(), List.of(policy), null));
        assertThat(trained).hasSize(1);
        Frame rows = trained.get(0);
        int[] y = codec.read(rows);
        int flipped = 0;
        for (int i = 0; i < y.length; i++) {
            double x1 = rows.numeric("x1").values()[i];
            double x2 = rows.numeric("x2").values()[i];
            flipped += y[i] != SeaGenerator.classOf(1, x1, x2) ? 1 : 0;
        }
        assertThat(y.length).isEqualTo(1000);
        assertThat(flipped / 1000.0).isCloseTo(0.3, offset(4 * Math.sqrt(0.21 / 1000)));
        assertThat(steps).allSatisfy(s -> assertThat(s.overall().accuracy()).isGreaterThan(0.9));
    }

    @Test
    void backdoorPlantsTheTriggerWithANegativeLabel() {
        LabelCodec codec = new LabelCodec("class", "1", "0");
        Frame clean = SEA.batch(0, 0, new SplittableRandom(3));
        Frame poisoned = new Backdoor("door", codec, "x3", 99, 0.25, Schedule.ALWAYS)
                .apply(clean, 0, new SplittableRandom(4));
        int planted = 0;
        for (int i = 0; i < clean.rowCount(); i++) {
            if (poisoned.numeric("x3").values()[i] == 99) {
                planted++;
                assertThat(codec.read(poisoned)[i]).isZero();
            } else {
                assertThat(codec.read(poisoned)[i]).isEqualTo(codec.read(clean)[i]);
            }
        }
        assertThat(planted / 200.0).isCloseTo(0.25, offset(4 * Math.sqrt(0.1875 / 200)));
    }

    @Test
    void retrainWithSelectiveLabelsLearnsOnlyFromApprovedRows() {
        List<Frame> trained = new ArrayList<>();
        RetrainPolicy policy = new RetrainPolicy("retrain", RetrainPolicy.Trigger.SCHEDULE, 2, List.of(), 2, 1, 0,
                false, 0.0, 0.5, "class", "1", 5, recordInto(trained));
        run(new SimulationPlan(SCENARIO, SEA, List.of(), MODEL, List.of(), 0.5, 3, null, 0, List.of(),
                List.of(policy), null, true));
        assertThat(trained).hasSize(1);
        double[] scores = MODEL.scorePositive(trained.get(0));
        assertThat(scores).isNotEmpty();
        for (double score : scores) {
            assertThat(score).isLessThan(0.5);
        }
        assertThat(trained.get(0).rowCount()).isLessThan(400);
    }

    @Test
    void meanShiftIsTheStandardisedMeanDifference() {
        // reference mean 3, sample sd sqrt(2.5); current mean 4: 1 / sqrt(2.5)
        assertThat(DriftStatistics.meanShift(new double[] {1, 2, 3, 4, 5}, new double[] {4, 4}))
                .isCloseTo(1 / Math.sqrt(2.5), offset(1e-12));
        assertThat(DriftStatistics.meanShift(new double[] {2, 2}, new double[] {4})).isNaN();
    }

    @Test
    void featureDriftMonitorAlarmsWhenTheShiftedFeatureMoves() {
        Frame reference = SEA.reference(2000, 5);
        FeatureDriftMonitor monitor = new FeatureDriftMonitor("drift", List.of("x1", "x2"),
                java.util.Map.of("x1", reference.numeric("x1").values(), "x2", reference.numeric("x2").values()),
                "mean-shift", DriftStatistics::meanShift, 0.5);
        Perturbation shift = new CovariateShift("shift", "x1", 1, 5, new Schedule(Schedule.Kind.SUDDEN, 3, 3, 0));
        List<StepResult> steps = run(plan(6, 0, List.of(shift), List.of(monitor), List.of(), null));
        assertThat(steps.get(2).measures().get("drift.x1")).isLessThan(0.3);
        // A shift of 5 on U[0, 10] (sd 10 / sqrt(12)) is about 1.73 standard deviations.
        assertThat(steps.get(3).measures().get("drift.x1")).isCloseTo(5 / (10 / Math.sqrt(12)), offset(0.2));
        assertThat(steps.get(5).measures().get("drift.x2")).isLessThan(0.3);
        assertThat(steps.stream().flatMap(s -> s.alarms().stream()).map(a -> a.step() + " " + a.detail()))
                .singleElement().asString().startsWith("3 x1 drifted: mean-shift");
    }
}
