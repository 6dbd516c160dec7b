package org.twinbench.ui.editor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.twinbench.scenario.NodeType.ParamSpec;

/**
 * The slider of a number parameter bounded on both sides: its limits and the step a slider moves
 * by, one hundredth of the range for a number, one for a whole number. Values taken from a slider
 * are snapped to that step, so dragging writes 0.35, not 0.3517241.
 */
public record ParamRange(double min, double max, double step, boolean whole) {

    /** The range of {@code spec}, if it is a number or whole number with both a minimum and a maximum. */
    /** Whole-number ranges wider than this are typed, not slid. */
    static final int MAX_SLIDER_COUNTS = 1_000;

    public static Optional<ParamRange> of(ParamSpec spec) {
        boolean whole = spec.kind() == ParamSpec.Kind.INTEGER;
        if (spec.kind() != ParamSpec.Kind.NUMBER && !whole || spec.min() == null || spec.max() == null
                || !(spec.max() > spec.min())
                // A count's upper bound (docs/limits.md) guards memory; a slider over it could not pick a value.
                || whole && spec.max() - spec.min() > MAX_SLIDER_COUNTS) {
            return Optional.empty();
        }
        double step = whole ? 1 : niceStep((spec.max() - spec.min()) / 100);
        return Optional.of(new ParamRange(spec.min(), spec.max(), step, whole));
    }

    /** The largest power of ten not above {@code raw} (0.01 for a 0..1 range). */
    private static double niceStep(double raw) {
        return BigDecimal.ONE.scaleByPowerOfTen((int) Math.floor(Math.log10(raw))).doubleValue();
    }

    /**
     * The parameter value of a slider position: clamped to the range, rounded to the step, as a
     * {@code Long} for a whole number and as the shortest decimal {@code Double} otherwise.
     */
    public Object snap(double position) {
        double clamped = Math.max(min, Math.min(max, position));
        if (whole) {
            return Math.round(clamped);
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step)));
        double steps = Math.round((clamped - min) / step);
        return BigDecimal.valueOf(min + steps * step).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** Where a stored value puts the slider's thumb: its number clamped into the range, else {@code fallback}. */
    public double position(Object value, Object fallback) {
        Object shown = value instanceof Number ? value : fallback;
        return shown instanceof Number number ? Math.max(min, Math.min(max, number.doubleValue())) : min;
    }
}
