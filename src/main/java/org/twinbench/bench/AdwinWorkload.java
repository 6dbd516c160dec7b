package org.twinbench.bench;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.twinbench.stats.Adwin;
import org.twinbench.stats.ChangeDetector;

/**
 * ADWIN (δ = 0.002) over a 1e7-value Bernoulli stream with two changes. The reference is MOA's
 * {@code ADWIN} when MOA is on the class path (it is not shipped: add it to run the comparison); it is
 * called through a lambda bound with {@code LambdaMetafactory}, as fast as a direct call. Without MOA
 * the reference is a plain running mean over the same stream, the floor of any detector's cost.
 */
final class AdwinWorkload implements Workload {

    static final String MOA_ADWIN = "moa.classifiers.core.driftdetection.ADWIN";

    @Override
    public String name() {
        return "stats.adwin-1e7";
    }

    @Override
    public String description() {
        return "ADWIN over a 1e7-value Bernoulli stream, against MOA's ADWIN when on the class path";
    }

    @Override
    public BenchResult run(boolean quick) {
        int n = quick ? 1_000_000 : 10_000_000;
        double[] stream = BenchData.bernoulli(4, n, n / 2, 0.2, 0.3);
        int reps = quick ? 2 : 3;
        List<Integer> ours = new ArrayList<>();
        double seconds = Timing.best(1, reps, () -> {
            ours.clear();
            Adwin adwin = new Adwin();
            for (int i = 0; i < stream.length; i++) {
                if (adwin.update(stream[i]) == ChangeDetector.Signal.DRIFT) {
                    ours.add(i);
                }
            }
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("detections", ours.size());
        MethodHandle constructor = moaConstructor();
        if (constructor == null) {
            double theirs = Timing.best(1, reps, () -> {
                double mean = 0;
                for (int i = 0; i < stream.length; i++) {
                    mean += (stream[i] - mean) / (i + 1);
                }
                Timing.consume(mean);
            });
            extra.put("note", "MOA not on the class path");
            return new BenchResult(name(), n, seconds, "running mean", theirs, extra);
        }
        List<Integer> moa = new ArrayList<>();
        double theirs = Timing.best(1, reps, () -> {
            moa.clear();
            DoublePredicate setInput = moaSetInput(constructor);
            for (int i = 0; i < stream.length; i++) {
                if (setInput.test(stream[i])) {
                    moa.add(i);
                }
            }
        });
        extra.put("same_detections_as_moa", moa.equals(ours));
        return new BenchResult(name(), n, seconds, "MOA ADWIN", theirs, extra);
    }

    /** MOA's {@code ADWIN(double)} constructor, or null when MOA is not on the class path. */
    private static MethodHandle moaConstructor() {
        try {
            Class<?> type = Class.forName(MOA_ADWIN);
            return MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, double.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** A new MOA ADWIN (δ = 0.002) with {@code setInput(double)} bound as a {@link DoublePredicate}. */
    private static DoublePredicate moaSetInput(MethodHandle constructor) {
        try {
            Object adwin = constructor.invoke(Adwin.DEFAULT_DELTA);
            Class<?> type = adwin.getClass();
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle setInput = lookup.findVirtual(type, "setInput", MethodType.methodType(boolean.class, double.class));
            CallSite site = LambdaMetafactory.metafactory(lookup, "test", MethodType.methodType(DoublePredicate.class, type),
                    MethodType.methodType(boolean.class, double.class), setInput,
                    MethodType.methodType(boolean.class, double.class));
            return (DoublePredicate) site.getTarget().invoke(adwin);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot call MOA's ADWIN", e);
        }
    }
}
