package org.twinbench.ui.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.twinbench.sim.Alarm;

/**
 * The alarms and policy actions of every replicate of a run as chart markers: one marker per
 * (step, node, kind), however many replicates raised it, saying in its detail how many did
 * ("3 of 5 replicates: …", with the detail of the lowest-numbered of them, so the text does not
 * depend on which replicate's thread came first). A run of one replicate keeps its alarms as they are.
 */
final class ReplicateMarkers {

    private record Key(int step, String node, String kind) {
    }

    /** The replicates that raised one marker, and the alarm of the lowest-numbered of them. */
    private static final class Group {
        final int index;
        final Set<Integer> replicates = new TreeSet<>();
        Alarm lowest;

        Group(int index) {
            this.index = index;
        }
    }

    private final Map<Key, Group> groups = new LinkedHashMap<>();

    /**
     * Adds an alarm of any replicate to {@code shown}: a new marker is appended (so the markers
     * drawn before stay a prefix), a marker already there is replaced in place with its new count.
     */
    void add(Alarm alarm, int replicates, List<Alarm> shown) {
        if (replicates <= 1) {
            shown.add(alarm);
            return;
        }
        Group group = groups.computeIfAbsent(new Key(alarm.step(), alarm.nodeId(), alarm.kind()),
                key -> new Group(groups.size()));
        if (!group.replicates.add(alarm.replicate())) {
            return;
        }
        if (group.lowest == null || alarm.replicate() < group.lowest.replicate()) {
            group.lowest = alarm;
        }
        Alarm marker = new Alarm(group.lowest.replicate(), alarm.step(), alarm.nodeId(), alarm.kind(),
                String.format(Locale.ROOT, "%d of %d replicates: %s (replicate %d)", group.replicates.size(),
                        replicates, group.lowest.detail(), group.lowest.replicate()));
        if (group.index == shown.size()) {
            shown.add(marker);
        } else {
            shown.set(group.index, marker);
        }
    }

    void clear() {
        groups.clear();
    }
}
