package org.twinbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the nodes of one step add besides the model metrics: named measures and alarms. */
public final class StepOutput {

    final int replicate;
    final int step;
    final Measures measures = new Measures();
    final List<Alarm> alarms = new ArrayList<>();

    /** The step's batch and what {@link ModelTask#labels} and {@link ModelTask#amounts} gave for it (see {@link #labels}). */
    private org.twinbench.data.Frame batch;
    private int[] batchLabels;
    private double[] batchAmounts;

    public StepOutput(int replicate, int step) {
        this.replicate = replicate;
        this.step = step;
    }

    /** The replicate this step belongs to. */
    public int replicate() {
        return replicate;
    }

    /** The measures added so far, by name, in the order they were added. */
    public Map<String, Double> measures() {
        return measures;
    }

    /** The alarms and events signalled so far. */
    public List<Alarm> alarms() {
        return alarms;
    }

    /** Notes the labels and amounts the engine read from the step's batch, so that monitors need not read them again. */
    void batch(org.twinbench.data.Frame rows, int[] labels, double[] amounts) {
        batch = rows;
        batchLabels = labels;
        batchAmounts = amounts;
    }

    /**
     * {@code task}'s labels of every row of {@code rows} (before any selective label policy hides some): those the
     * engine read once for the step when {@code rows} is its batch, else read now. Callers must not change them.
     */
    public int[] labels(ModelTask task, org.twinbench.data.Frame rows) {
        return rows == batch && batchLabels != null ? batchLabels : task.labels(rows);
    }

    /** As {@link #labels}, for {@code task}'s amounts (a regression; null otherwise). */
    public double[] amounts(ModelTask task, org.twinbench.data.Frame rows) {
        return rows == batch && batchAmounts != null ? batchAmounts : task.amounts(rows);
    }

    public void measure(String name, double value) {
        measures.put(name, value);
    }

    public void signal(String nodeId, String kind, String detail) {
        alarms.add(new Alarm(replicate, step, nodeId, kind, detail));
    }

    public boolean alarmFrom(String nodeId) {
        return alarms.stream().anyMatch(a -> a.isAlarm() && a.nodeId().equals(nodeId));
    }

    /**
     * A step's measures, which its {@link StepResult} keeps without copying them (a step's copy of some twenty
     * measures was a good part of what a step allocated): once handed over they are final, and changing them fails.
     */
    static final class Measures extends LinkedHashMap<String, Double> {
        private static final long serialVersionUID = 1L;
        private boolean handedOver;

        /** Makes these measures final; a result may keep them as they are. */
        Map<String, Double> handOver() {
            handedOver = true;
            return java.util.Collections.unmodifiableMap(this);
        }

        private void changing() {
            if (handedOver) {
                throw new IllegalStateException("a step's measures are final once its result is made");
            }
        }

        @Override
        public Double put(String key, Double value) {
            changing();
            return super.put(key, value);
        }

        @Override
        public void putAll(Map<? extends String, ? extends Double> m) {
            changing();
            super.putAll(m);
        }

        @Override
        public Double remove(Object key) {
            changing();
            return super.remove(key);
        }

        @Override
        public void clear() {
            changing();
            super.clear();
        }

        @Override
        public Double putIfAbsent(String key, Double value) {
            changing();
            return super.putIfAbsent(key, value);
        }

        @Override
        public Double merge(String key, Double value,
                            java.util.function.BiFunction<? super Double, ? super Double, ? extends Double> f) {
            changing();
            return super.merge(key, value, f);
        }

        @Override
        public Double compute(String key,
                              java.util.function.BiFunction<? super String, ? super Double, ? extends Double> f) {
            changing();
            return super.compute(key, f);
        }

        @Override
        public Double computeIfAbsent(String key, java.util.function.Function<? super String, ? extends Double> f) {
            changing();
            return super.computeIfAbsent(key, f);
        }

        @Override
        public void replaceAll(java.util.function.BiFunction<? super String, ? super Double, ? extends Double> f) {
            changing();
            super.replaceAll(f);
        }
    }
}
