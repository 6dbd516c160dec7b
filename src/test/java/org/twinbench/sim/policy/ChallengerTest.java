package org.twinbench.sim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelTrainer;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.source.SeaGenerator;
import org.twinbench.sim.source.SyntheticSource;
import org.twinbench.stats.TwoProportionTest;

class ChallengerTest {

    static final SyntheticSource SEA = new SyntheticSource("sea", new SeaGenerator(1, 1, 0.0), 200, null);
    /** Trained on x3 only, which the SEA class ignores: little better than the majority class. */
    static final BinaryClassifier WEAK = ModelTrainer.trainLogistic(SEA.reference(2000, 5), "class", List.of("x3"),
            "1", 5, "sea");
    /** Trained on x1 and x2: close to perfect. */
    static final BinaryClassifier STRONG = ModelTrainer.trainLogistic(SEA.reference(2000, 5), "class",
            List.of("x1", "x2"), "1", 5, "sea");

    private static List<StepResult> run(BinaryClassifier champion, BinaryClassifier challenger) {
        Challenger arm = new Challenger("challenger", challenger, 0.2);
        PromotePolicy promote = new PromotePolicy("promote", arm, 0.01, 100, 0.5);
        SimulationPlan plan = new SimulationPlan(new Scenario("ab", "", 5, List.of(), List.of()), SEA, List.of(),
                champion, List.of(), 0.5, 8, null, 0, List.of(), List.of(promote), null, false, arm);
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
    }

    @Test
    void normalCdfAndTwoProportionTestMatchHandValues() {
        assertThat(TwoProportionTest.normalCdf(1.96)).isCloseTo(0.9750021048517795, offset(2e-7));
        // 60/100 against 50/100: pooled 0.55, z = 0.1 / sqrt(0.55 * 0.45 * 0.02) = 1.42134, p = 1 - Φ(z) = 0.0776092 (erfc in Python)
        assertThat(TwoProportionTest.z(60, 100, 50, 100)).isCloseTo(1.4213381090374029, offset(1e-12));
        assertThat(TwoProportionTest.pValueGreater(60, 100, 50, 100)).isCloseTo(0.0776092448423421, offset(2e-7));
    }

    @Test
    void betterChallengerIsPromotedAndThenServesEveryRow() {
        List<StepResult> steps = run(WEAK, STRONG);
        List<Alarm> events = steps.stream().flatMap(s -> s.alarms().stream()).toList();
        assertThat(events).singleElement().extracting(Alarm::kind).isEqualTo(Alarm.PROMOTE);
        int promotedAt = events.get(0).step();
        // Before: 20% of rows on the strong challenger; after: all of them.
        assertThat(steps.get(0).measures().get("challenger.accuracy")).isGreaterThan(0.9);
        assertThat(steps.get(0).measures().get("champion.accuracy")).isLessThan(0.8);
        assertThat(steps.get(promotedAt + 1).measures()).doesNotContainKey("champion.accuracy");
        assertThat(steps.get(promotedAt + 1).overall().accuracy()).isGreaterThan(0.9);
    }

    @Test
    void worseChallengerIsNeverPromoted() {
        List<StepResult> steps = run(STRONG, WEAK);
        assertThat(steps.stream().flatMap(s -> s.alarms().stream())).isEmpty();
        assertThat(steps.get(7).measures()).containsKey("champion.accuracy");
    }
}
