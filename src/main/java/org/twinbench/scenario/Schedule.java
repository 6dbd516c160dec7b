package org.twinbench.scenario;

import java.util.Map;

/**
 * When a perturbation acts, as an intensity in [0, 1] per step:
 * <ul>
 *   <li>{@code sudden}: 0 before {@code start}, 1 from {@code start} on;</li>
 *   <li>{@code incremental}: rises linearly from 0 at {@code start} to 1 at {@code end}, the change
 *       applied to every row (the whole population moves a little each step);</li>
 *   <li>{@code gradual}: the same ramp, read as the probability that a row is drawn from the new
 *       regime (old and new coexist, the new one more and more often);</li>
 *   <li>{@code recurring}: 1 during the first half of every {@code period} steps from {@code start}.</li>
 * </ul>
 */
public record Schedule(Kind kind, int start, int end, int period) {

    public enum Kind { SUDDEN, INCREMENTAL, GRADUAL, RECURRING }

    public static final Schedule ALWAYS = new Schedule(Kind.SUDDEN, 0, 0, 0);

    public double intensity(int step) {
        return switch (kind) {
            case SUDDEN -> step >= start ? 1 : 0;
            case INCREMENTAL, GRADUAL -> {
                if (step < start) {
                    yield 0;
                }
                if (step >= end) {
                    yield 1;
                }
                yield (double) (step - start + 1) / (end - start + 1);
            }
            case RECURRING -> step >= start && ((step - start) % period) < (period + 1) / 2 ? 1 : 0;
        };
    }

    /** Reads the {@code schedule} parameter of a node; absent means "always on". */
    public static Schedule of(ScenarioNode node) {
        Map<String, Object> spec = node.map("schedule");
        if (spec.isEmpty()) {
            return ALWAYS;
        }
        String kindText = String.valueOf(spec.getOrDefault("kind", "sudden"));
        Kind kind;
        try {
            kind = Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.problem("schedule", "has unknown kind '" + kindText
                    + "' (use sudden, incremental, gradual or recurring)");
        }
        int start = whole(node, spec, "start", 0);
        int end = whole(node, spec, "end", start);
        int period = whole(node, spec, "period", 0);
        if (start < 0) {
            throw node.problem("schedule", "start must be 0 or later");
        }
        if ((kind == Kind.INCREMENTAL || kind == Kind.GRADUAL) && end < start) {
            throw node.problem("schedule", "end (" + end + ") must not be before start (" + start + ")");
        }
        if (kind == Kind.RECURRING && period < 2) {
            throw node.problem("schedule", "period must be at least 2 steps");
        }
        return new Schedule(kind, start, end, period);
    }

    private static int whole(ScenarioNode node, Map<String, Object> spec, String key, int fallback) {
        Object value = spec.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        throw node.problem("schedule", key + " must be a whole step number, not '" + value + "'");
    }
}
