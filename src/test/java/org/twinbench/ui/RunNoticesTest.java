package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/**
 * The run's desktop notices are coalesced: at most one alarm notice per quiet period, the rest held
 * and folded into the next notice or the run's end, and every alarm is announced exactly once.
 */
class RunNoticesTest {

    @TempDir
    Path home;

    private final AtomicLong clock = new AtomicLong();
    private final List<RunNotices.Notice> shown = new ArrayList<>();
    private final RunNotices notices = new RunNotices(shown::add, clock::get);

    private static Alarm alarm(int step, String node) {
        return new Alarm(0, step, node, Alarm.ALARM, node + " fired");
    }

    @Test
    void alarmsWithinTheQuietPeriodWaitForTheNextNoticeOrTheEnd() {
        notices.started();
        notices.alarms(List.of(alarm(3, "drift")));
        clock.addAndGet(2_000_000_000L);
        notices.alarms(List.of(alarm(5, "drift")));
        clock.addAndGet(2_000_000_000L);
        notices.alarms(List.of(alarm(7, "errors")));
        assertThat(shown).as("one notice for the first alarm; two held").hasSize(1);
        assertThat(shown.get(0)).isEqualTo(new RunNotices.Notice("1 alarm", "step 3 · drift: drift fired", true));
        clock.addAndGet(RunNotices.QUIET_NANOS);
        notices.alarms(List.of(new Alarm(0, 20, "retrain", Alarm.RETRAIN, "retrained")));
        assertThat(shown).hasSize(2);
        assertThat(shown.get(1)).isEqualTo(new RunNotices.Notice("2 alarms, 1 retraining",
                "steps 5–20 · drift, errors, retrain", true));
        clock.addAndGet(1_000_000_000L);
        notices.alarms(List.of(alarm(21, "drift")));
        notices.ended("Finished: 30 steps");
        notices.ended("Finished: 30 steps");
        assertThat(shown).as("one end notice, the held alarm folded in").hasSize(3);
        assertThat(shown.get(2)).isEqualTo(new RunNotices.Notice("Run ended", "Finished: 30 steps · 4 alarms, 1 retraining",
                false));
    }

    /**
     * The end's notice is one short line and the counts, whatever the status line holds: the first sentence of the
     * status a distilled model's run ends with (its note, then the verdict added later), never its paragraph.
     */
    @Test
    void theEndIsOneShortLinePlusTheCounts() {
        notices.started();
        notices.alarms(List.of(alarm(3, "drift"), new Alarm(0, 9, "retrain", Alarm.RETRAIN, "retrained")));
        notices.ended("Finished: 60 steps. node serving: a small decision tree learnt from the gradient-boosting "
                + "model, served in its place: scores in 0.34 of the time, agrees on 94.2% of the 5,000 rows it learnt "
                + "from; 3,311 bytes against 1,006,345. Verdict: AMBER: The model is not clearly better than always "
                + "answering 'no'.");
        assertThat(shown.get(shown.size() - 1)).isEqualTo(new RunNotices.Notice("Run ended",
                "Finished: 60 steps · 1 alarm, 1 retraining", false));
        // A first sentence longer than a line is cut at a word, and says so.
        String cause = "Cannot run: node deployed (model.logged) parameter proba_prefix: no column 'p_virginica' for "
                + "class 'virginica' of 'species'";
        notices.started();
        notices.ended(cause);
        RunNotices.Notice failed = shown.get(shown.size() - 1);
        assertThat(failed.title()).isEqualTo("The run failed");
        assertThat(failed.text()).hasSizeLessThanOrEqualTo(RunNotices.LINE).endsWith("…")
                .isEqualTo(cause.substring(0, cause.lastIndexOf(' ', RunNotices.LINE - 1)) + "…");
        assertThat(failed.text().lines()).hasSize(1);
        assertThat(RunNotices.headline("  ")).isEqualTo("The run has ended");
        assertThat(RunNotices.headline("Stopped.")).isEqualTo("Stopped");
    }

    @Test
    void aFailedRunWarnsAndNothingIsShownOutsideARun() {
        notices.alarms(List.of(alarm(1, "drift")));
        notices.ended("Finished");
        assertThat(shown).isEmpty();
        notices.started();
        notices.ended("Cannot run: loans.csv: no such file");
        assertThat(shown).containsExactly(new RunNotices.Notice("The run failed", "Cannot run: loans.csv: no such file", true));
    }

    @Test
    void aRealRunAtOneStepASecondAnnouncesEveryAlarmOnceAndNeverTwiceInTenSeconds() throws Exception {
        Path samples = BundledSamples.extractTo(home.resolve("samples"));
        Path scenario = samples.resolve("loans-recession-retrain.twin.json");
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(scenario), scenario.getParent(), new RunListener() { });
        List<List<Alarm>> byStep = new ArrayList<>();
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                byStep.add(result.alarms());
            }
        }, new RunControl());
        List<Alarm> all = byStep.stream().flatMap(List::stream).toList();
        assertThat(all.stream().map(Alarm::step).distinct().count()).as("the scenario raises alarms on several steps")
                .isGreaterThan(1);
        notices.started();
        List<Long> alarmTimes = new ArrayList<>();
        for (List<Alarm> step : byStep) {
            clock.addAndGet(1_000_000_000L);
            int before = shown.size();
            notices.alarms(step);
            if (shown.size() > before) {
                alarmTimes.add(clock.get());
            }
        }
        notices.ended("Finished: " + byStep.size() + " steps");
        assertThat(shown).as("fewer notices than steps with alarms").hasSizeLessThan(
                (int) all.stream().map(Alarm::step).distinct().count() + 1);
        for (int i = 1; i < alarmTimes.size(); i++) {
            assertThat(alarmTimes.get(i) - alarmTimes.get(i - 1)).isGreaterThanOrEqualTo(RunNotices.QUIET_NANOS);
        }
        int firstStep = all.get(0).step();
        List<Alarm> firstStepAlarms = all.stream().filter(a -> a.step() == firstStep).toList();
        assertThat(shown.get(0).title()).isEqualTo(RunNotices.count(firstStepAlarms));
        assertThat(shown.get(shown.size() - 1).text()).startsWith("Finished: 60 steps · " + RunNotices.count(all));
    }

    @Test
    void aLongAlarmDetailIsBrokenIntoLinesThatFitTheWindow() {
        // The detail a drift monitor gives on scikit-learn's breast cancer data, on one line 118 characters long.
        String detail = "step 0 · drift: mean_radius drifted: psi 1.052 >= 0.539 (the 1% false-alarm threshold for "
                + "71 rows against 285)";
        String wrapped = RunNotices.wrap(detail, RunNotices.LINE);
        assertThat(wrapped.lines()).hasSizeGreaterThan(1).allMatch(line -> line.length() <= RunNotices.LINE);
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(detail);
        assertThat(RunNotices.wrap("short", RunNotices.LINE)).isEqualTo("short");
        // A word longer than a line keeps a line of its own; a line break already there stays.
        assertThat(RunNotices.wrap("a " + "x".repeat(12) + " b\nc", 10)).isEqualTo("a\n" + "x".repeat(12) + "\nb\nc");
    }

    @Test
    void oneAlarmIsOneShortLineItsFiguresLeftToTheAlarmList() {
        // A notice of two lines was drawn one line high and cut at the screen's edge (docs/screenshots/
        // run-notices-short-end-1280x720.png before): the notice now says what the alarm is about, not its figures.
        Alarm drift = new Alarm(0, 0, "drift", Alarm.ALARM, "mean_radius drifted: psi 1.052 >= 0.539 (the 1% "
                + "false-alarm threshold for 71 rows against 285)");
        assertThat(RunNotices.describe(List.of(drift))).isEqualTo("step 0 · drift: mean_radius drifted");
        Alarm plain = new Alarm(0, 12, "perf", Alarm.ALARM, "accuracy below its first window's " + "level ".repeat(12));
        assertThat(RunNotices.describe(List.of(plain))).hasSizeLessThanOrEqualTo(RunNotices.LINE).endsWith("…")
                .startsWith("step 12 · perf: accuracy below its first window's level");
    }
}
