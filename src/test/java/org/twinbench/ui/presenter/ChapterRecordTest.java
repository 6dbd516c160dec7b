package org.twinbench.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.Alarm;

/** What a chapter's run did, said from its recorded alarms and retrainings (worked by hand). */
class ChapterRecordTest {

    private static final Set<String> BOTH = Set.of(Alarm.ALARM, Alarm.RETRAIN);

    private static Alarm alarm(int step, String node) {
        return new Alarm(0, step, node, Alarm.ALARM, "fired");
    }

    private static Alarm retrain(int step) {
        return new Alarm(0, step, "retrain", Alarm.RETRAIN, "retrained");
    }

    private static Set<String> ordered(String... kinds) {
        return new java.util.LinkedHashSet<>(List.of(kinds));
    }

    @Test
    void alarmsWithoutARetrainingBeforeTheNextAlarmAreNamedWithTheirMonitors() {
        // As "Silent accuracy decay" records them: alarms on 34 and 37 (drift monitors), 39 (the
        // error detector) with a retraining the same day.
        List<Alarm> run = List.of(alarm(34, "prediction-drift"), alarm(37, "feature-drift"), alarm(39, "error-detector"),
                retrain(39));
        assertThat(ChapterRecord.say(run, ordered(Alarm.ALARM, Alarm.RETRAIN), true)).isEqualTo(
                "In this run: 3 alarms on days 34, 37 and 39; a retraining on day 39. The alarms on days 34 and 37 "
                        + "(feature-drift, prediction-drift) were not followed by a retraining.");
        assertThat(ChapterRecord.unanswered(List.of(34, 37, 39), Set.of(39))).containsExactly(34, 37);
        // A retraining after the alarm, before the next, answers it; one on the next alarm's day does not.
        assertThat(ChapterRecord.unanswered(List.of(10, 20), Set.of(15, 25))).isEmpty();
        assertThat(ChapterRecord.unanswered(List.of(10, 20), Set.of(20))).containsExactly(10);
    }

    @Test
    void everyAlarmFollowedNoneFollowedAndSoFar() {
        assertThat(ChapterRecord.say(List.of(alarm(5, "a"), retrain(6), alarm(12, "a"), retrain(12)),
                ordered(Alarm.ALARM, Alarm.RETRAIN), true))
                .isEqualTo("In this run: 2 alarms on days 5 and 12; 2 retrainings on days 6 and 12. "
                        + "Each alarm was followed by a retraining.");
        assertThat(ChapterRecord.say(List.of(alarm(5, "a")), ordered(Alarm.ALARM, Alarm.RETRAIN), true))
                .isEqualTo("In this run: an alarm on day 5; no retraining. No retraining followed the alarm.");
        // While playing, the last alarm may still be answered: nothing is said of it yet.
        assertThat(ChapterRecord.say(List.of(alarm(5, "a")), ordered(Alarm.ALARM, Alarm.RETRAIN), false))
                .isEqualTo("So far: an alarm on day 5; no retraining.");
        assertThat(ChapterRecord.say(List.of(alarm(5, "a"), alarm(8, "b")), ordered(Alarm.ALARM, Alarm.RETRAIN), false))
                .isEqualTo("So far: 2 alarms on days 5 and 8; no retraining. The alarm on day 5 (a) was not followed "
                        + "by a retraining.");
    }

    @Test
    void onlyTheKindsTheNarrationSpeaksOfAndOnlyTheFirstReplicate() {
        List<Alarm> run = List.of(alarm(3, "a"), retrain(4), new Alarm(1, 9, "a", Alarm.ALARM, "other replicate"));
        assertThat(ChapterRecord.say(run, Set.of(), true)).isEmpty();
        assertThat(ChapterRecord.say(run, ordered(Alarm.ALARM), true)).isEqualTo("In this run: an alarm on day 3.");
        assertThat(ChapterRecord.say(run, BOTH, true)).contains("day 4");
    }
}
