package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

class RunAssertionTest {

    private static MetricSet accuracy(double value) {
        return new MetricSet(10, value, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    private static StepResult step(int replicate, int step, double overall, double north, List<Alarm> alarms) {
        return new StepResult(replicate, step, accuracy(overall),
                List.of(new SliceMetrics("region", "north", accuracy(north))), Map.of(), alarms);
    }

    /** Two replicates, three steps; replicate 1 has two alarms, replicate 0 one. */
    private static final RunOutcome OUTCOME = new RunOutcome(List.of(
            List.of(step(0, 0, 0.9, 0.8, List.of()), step(0, 1, 0.8, 0.7, List.of(new Alarm(0, 1, "m", "alarm", "x"))),
                    step(0, 2, 0.7, 0.6, List.of())),
            List.of(step(1, 0, 0.9, 0.9, List.of(new Alarm(1, 0, "m", "alarm", "x"))),
                    step(1, 1, 0.6, 0.5, List.of(new Alarm(1, 1, "p", "alarm", "y"), new Alarm(1, 1, "r", "retrain", "z"))),
                    step(1, 2, 0.5, 0.4, List.of()))), RunStatus.COMPLETED);

    private static double actual(String expression) {
        return RunAssertion.parse(expression).check(OUTCOME, RunSeries.of(OUTCOME)).actual();
    }

    @Test
    void aggregatesOverEveryStepOfEveryReplicate() {
        assertThat(actual("min(accuracy[region=north]) >= 0")).isEqualTo(0.4);
        assertThat(actual("max(accuracy) >= 0")).isEqualTo(0.9);
        assertThat(actual("mean(accuracy) >= 0")).isCloseTo((0.9 + 0.8 + 0.7 + 0.9 + 0.6 + 0.5) / 6, within());
    }

    @Test
    void firstAndLastAverageTheReplicates() {
        assertThat(actual("first(accuracy) >= 0")).isCloseTo(0.9, within());
        assertThat(actual("last(accuracy[region=north]) >= 0")).isCloseTo(0.5, within());
    }

    @Test
    void countTakesTheWorstReplicate() {
        assertThat(actual("count(alarms) <= 3")).isEqualTo(2);
        assertThat(actual("count(alarms[node=p]) <= 3")).isEqualTo(1);
        assertThat(actual("count(retrains) <= 3")).isEqualTo(1);
        assertThat(actual("count(rollbacks) <= 3")).isEqualTo(0);
    }

    @Test
    void comparisonsDecide() {
        RunSeries series = RunSeries.of(OUTCOME);
        assertThat(RunAssertion.parse("min(accuracy) >= 0.5").check(OUTCOME, series).passed()).isTrue();
        assertThat(RunAssertion.parse("min(accuracy) > 0.5").check(OUTCOME, series).passed()).isFalse();
        assertThat(RunAssertion.parse("count(alarms) == 2").check(OUTCOME, series).passed()).isTrue();
        assertThat(RunAssertion.parse("count(alarms) != 2").check(OUTCOME, series).passed()).isFalse();
        assertThat(RunAssertion.parse("count(alarms)<2").check(OUTCOME, series).passed()).isFalse();
        assertThat(RunAssertion.parse(" max( accuracy [ region = north ] ) <= 9e-1 ").check(OUTCOME, series).passed())
                .isTrue();
    }

    @Test
    void malformedExpressionsAreRefusedByName() {
        for (String bad : List.of("min(accuracy) >=", "accuracy >= 0.8", "median(accuracy) > 1", "min(accuracy) => 1",
                "count(accuracy) < 1", "min(alarms) < 1", "count(alarms[region=x]) < 1", "min(accuracy[region]) > 0")) {
            assertThatThrownBy(() -> RunAssertion.parse(bad)).as(bad).isInstanceOf(ScenarioException.class)
                    .hasMessageContaining("--assert '" + bad + "'");
        }
    }

    @Test
    void unknownSeriesIsAnError() {
        assertThatThrownBy(() -> actual("min(latency_p95_ms[region=north]) > 0")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("no series latency_p95_ms[region=north]");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }

    @Test
    void spacesAnywhereAreReadAsTheRegularExpressionReadThem() {
        String blank = " ".repeat(60);
        RunAssertion spaced = RunAssertion.parse(blank + "min" + blank + "(" + blank + "accuracy" + blank + "["
                + blank + "region" + blank + "=" + blank + "north" + blank + "]" + blank + ")" + blank + ">="
                + blank + "0.5e-1" + blank);
        assertThat(spaced.function()).isEqualTo("min");
        assertThat(spaced.metric()).isEqualTo("accuracy");
        assertThat(spaced.slice()).isEqualTo("region=north");
        assertThat(spaced.operator()).isEqualTo(">=");
        assertThat(spaced.bound()).isEqualTo(0.05);
        // A value may hold '=' and spaces inside; a key may not be empty or hold ']'.
        assertThat(RunAssertion.parse("mean(f1[plan = a = b c ]) < .5").slice()).isEqualTo("plan=a = b c");
        for (String malformed : List.of("min(accuracy[=north]) >= 1", "min(accuracy[a]b=c]) >= 1",
                "min(accuracy) >= 1e", "min(accuracy) >= .", "min(accuracy) => 1", "min(accuracy)", "min accuracy >= 1",
                "min(9accuracy) >= 1", "min(accuracy[region=north] >= 1", "minimum(accuracy) >= 1")) {
            assertThatThrownBy(() -> RunAssertion.parse(malformed)).as(malformed).isInstanceOf(ScenarioException.class)
                    .hasMessageContaining("not understood");
        }
    }

    @Test
    void anExpressionOverTheLengthLimitIsRefusedBeforeItIsRead() {
        String expression = "min(accuracy[" + " ".repeat(5_000) + "region=north]) >= 0.8";
        assertThatThrownBy(() -> RunAssertion.parse(expression)).isInstanceOf(ScenarioException.class)
                .hasMessage("--assert 'min(accuracy[                           ...': 5034 characters; a gate may "
                        + "have at most 1000");
    }
}
