package org.twinbench.ui.presenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.twinbench.sim.Alarm;

/**
 * What a chapter's run did, in words, from the alarms and policy actions it recorded: shown under the
 * narration, so that the narration never claims more than the run shows ("Silent accuracy decay"
 * raises alarms on days 34 and 37 that no retraining follows, and one on day 39 that is). Only the
 * kinds the narration speaks of are told, as only they are marked on the chart. An alarm is followed
 * by a retraining when one happens on its day or after it, before the next alarm.
 */
final class ChapterRecord {

    private ChapterRecord() {
    }

    /**
     * The sentence for {@code alarms} of the kinds in {@code kinds}; empty when the narration speaks of
     * none. {@code done}: the chapter has played to its end ("In this run"), else "So far".
     */
    static String say(List<Alarm> alarms, Set<String> kinds, boolean done) {
        if (kinds.isEmpty()) {
            return "";
        }
        Map<String, TreeSet<Integer>> days = new LinkedHashMap<>();
        Map<Integer, TreeSet<String>> raisedBy = new LinkedHashMap<>();
        for (Alarm alarm : alarms) {
            if (alarm.replicate() == 0 && kinds.contains(alarm.kind())) {
                days.computeIfAbsent(alarm.kind(), k -> new TreeSet<>()).add(alarm.step());
                if (alarm.kind().equals(Alarm.ALARM)) {
                    raisedBy.computeIfAbsent(alarm.step(), k -> new TreeSet<>()).add(alarm.nodeId());
                }
            }
        }
        String opening = done ? "In this run: " : "So far: ";
        List<String> parts = new ArrayList<>();
        for (String kind : kinds) {
            TreeSet<Integer> on = days.get(kind);
            String word = ChapterMarkers.word(kind);
            parts.add(on == null ? "no " + word : count(on.size(), word) + " on " + (on.size() == 1 ? "day " : "days ")
                    + list(new ArrayList<>(on)));
        }
        StringBuilder text = new StringBuilder(opening).append(String.join("; ", parts)).append('.');
        if (kinds.contains(Alarm.ALARM) && kinds.contains(Alarm.RETRAIN) && days.containsKey(Alarm.ALARM)) {
            List<Integer> unanswered = new ArrayList<>(unanswered(new ArrayList<>(days.get(Alarm.ALARM)),
                    days.getOrDefault(Alarm.RETRAIN, new TreeSet<>())));
            int total = days.get(Alarm.ALARM).size();
            if (!done) {
                // The last alarm so far may still be followed by a retraining.
                unanswered.remove(days.get(Alarm.ALARM).last());
            }
            if (unanswered.isEmpty()) {
                if (done) {
                    text.append(total == 1 ? " The alarm was followed by a retraining."
                            : " Each alarm was followed by a retraining.");
                }
            } else if (done && unanswered.size() == total) {
                text.append(total == 1 ? " No retraining followed the alarm." : " No retraining followed the alarms.");
            } else {
                TreeSet<String> nodes = new TreeSet<>();
                unanswered.forEach(day -> nodes.addAll(raisedBy.get(day)));
                text.append(unanswered.size() == 1 ? " The alarm on day " : " The alarms on days ").append(list(unanswered))
                        .append(" (").append(String.join(", ", nodes)).append(") ")
                        .append(unanswered.size() == 1 ? "was" : "were").append(" not followed by a retraining.");
            }
        }
        return text.toString();
    }

    /** The alarm days no retraining follows before the next alarm (the last alarm: up to the end). */
    static List<Integer> unanswered(List<Integer> alarmDays, Set<Integer> retrainDays) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < alarmDays.size(); i++) {
            int from = alarmDays.get(i);
            int until = i + 1 < alarmDays.size() ? alarmDays.get(i + 1) : Integer.MAX_VALUE;
            if (retrainDays.stream().noneMatch(day -> day >= from && day < until)) {
                out.add(from);
            }
        }
        return out;
    }

    private static String count(int n, String word) {
        if (n == 1) {
            return (word.startsWith("a") ? "an " : "a ") + word;
        }
        return n + " " + (word.endsWith("promoted") ? word.replace("challenger", "challengers") : word + "s");
    }

    /** 34 · 34 and 37 · 34, 37 and 39. */
    private static String list(List<Integer> days) {
        return org.twinbench.data.PlainWords.list(days.stream().map(String::valueOf).toList());
    }
}
