package org.twinbench.ui.presenter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.twinbench.sim.Alarm;

/**
 * Which alarms and policy actions a chapter's chart marks: those of the kinds its narration talks
 * about ("Not every alarm leads to a retraining" marks alarms and retrainings; a chapter that says
 * nothing of them stays unmarked, even when its scenario has a monitor), one marker per step and kind
 * at the step the run recorded it.
 */
final class ChapterMarkers {

    /** A vertical marker on the chapter chart. */
    record Marker(int step, String kind) {

        /** The marker's word in the chart's key. */
        String label() {
            return word(kind);
        }

        boolean isAlarm() {
            return Alarm.ALARM.equals(kind);
        }
    }

    private ChapterMarkers() {
    }

    /** The word for a kind of marker, as the key under the chart says it. */
    static String word(String kind) {
        return switch (kind) {
            case Alarm.ALARM -> "alarm";
            case Alarm.RETRAIN -> "retraining";
            case Alarm.ROLLBACK -> "rollback";
            case Alarm.PROMOTE -> "challenger promoted";
            default -> kind;
        };
    }

    /** The kinds of marker a narration mentions: alarms, retraining, rolling back, promoting. */
    static Set<String> mentioned(String narration) {
        String text = narration == null ? "" : narration.toLowerCase(Locale.ROOT);
        Set<String> kinds = new LinkedHashSet<>();
        if (text.contains("alarm")) {
            kinds.add(Alarm.ALARM);
        }
        if (text.contains("retrain")) {
            kinds.add(Alarm.RETRAIN);
        }
        if (text.contains("roll back") || text.contains("rollback") || text.contains("rolls back")) {
            kinds.add(Alarm.ROLLBACK);
        }
        if (text.contains("promot")) {
            kinds.add(Alarm.PROMOTE);
        }
        return kinds;
    }

    /** The markers of {@code alarms} whose kind is in {@code kinds}: one per step and kind, in step order of arrival. */
    static List<Marker> of(List<Alarm> alarms, Set<String> kinds) {
        Set<Marker> out = new LinkedHashSet<>();
        for (Alarm alarm : alarms) {
            if (kinds.contains(alarm.kind())) {
                out.add(new Marker(alarm.step(), alarm.kind()));
            }
        }
        return new ArrayList<>(out);
    }
}
