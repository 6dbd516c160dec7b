package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.twinbench.data.Frame;
import org.twinbench.data.PlainWords;
import org.twinbench.data.TableLoader;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.Verdict;
import org.twinbench.sim.whatif.GroupCounts;
import org.twinbench.sim.whatif.GroupFairness;
import org.twinbench.sim.whatif.PairedFall;
import org.twinbench.sim.whatif.RunAlarms;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfQuestion;
import org.twinbench.sim.whatif.WhatIfRun;
import org.twinbench.sim.whatif.WhatIfStudy;
import org.twinbench.sim.whatif.WhatIfVerdict;
import org.twinbench.stats.MetricSet;

/**
 * The guided check of a model that predicts an amount: the same scenarios as a yes/no check
 * ({@link WhatIfStudy}: unchanged data, each change, the change with monthly retraining where it hurts),
 * judged on how far off the model is on average (the mean absolute error) instead of how often it is right.
 * A verdict's {@code before} and {@code after} are that error, per group over the steps after the change has
 * fully arrived.
 * <p>
 * A group gets worse when its error rises by at least {@value #AMBER_RISE} of what it was (red from
 * {@value #RED_RISE}, the limits of a regression run's headline) and the rise is beyond chance judged on the same rows
 * before and after ({@link PairedFall}: the paired t interval of the change of each row's absolute error excludes
 * none and Wilcoxon's signed-rank test agrees). Where rows cannot be paired, the 95% interval of the rise must
 * exclude none with the error's standard error per side {@code sqrt((RMSE² − MAE²) / n)}. A group under {@link Verdict#MIN_ROWS} rows on either side is
 * named but not judged. Retraining fixes a group when it is then no worse than unchanged, helps when it wins
 * back at least {@value #AMBER_RISE} of the error after the change, judged on the same rows as the change
 * ({@link #retraining(Errors, Errors, PairedFall, PairedFall)}; unpaired, by more than two standard errors, only where
 * rows cannot be paired).
 */
final class AmountTrial {

    static final double AMBER_RISE = WhatIfVerdict.AMBER_RISE;
    static final double RED_RISE = WhatIfVerdict.RED_RISE;
    private static final double Z95 = 1.959964;
    static final String EVERYONE = "everyone";

    private AmountTrial() {
    }

    /** Absolute errors of a group: rows, their sum, and the sum of their squares. */
    static final class Errors {
        long n;
        double sumAbs;
        double sumSquares;
        /** The 95% interval of the error in words ("(between 41 and 49)"), or "" when not known. */
        String interval = "";
        /** The different rows among the {@link #n} draws (-1: as many as drawn). */
        long rows = -1;

        /**
         * What the check counted for a group: its draws (the same draws before and after a change, so a rise is judged
         * on them), and the different rows among them ({@link GroupCounts#rows}) for whether the group has rows enough
         * to tell and for the interval of {@link GroupCounts#maeInterval}.
         */
        static Errors of(GroupCounts counts) {
            Errors errors = new Errors();
            double rmse = counts.rmse();
            errors.n = counts.draws();
            errors.sumAbs = counts.mae() * errors.n;
            errors.sumSquares = rmse * rmse * errors.n;
            errors.interval = counts.intervalWords();
            errors.rows = counts.rows();
            return errors;
        }

        /** The different rows (the draws when not known). */
        long different() {
            return rows < 0 ? n : rows;
        }

        double mae() {
            return sumAbs / n;
        }

        /** Standard error of the mean absolute error. */
        double standardError() {
            double meanSquare = sumSquares / n;
            return Math.sqrt(Math.max(0, meanSquare - mae() * mae()) / n);
        }

        void add(MetricSet metrics) {
            double mae = metrics.get("mae");
            double rmse = metrics.get("rmse");
            if (metrics.n() == 0 || Double.isNaN(mae) || Double.isNaN(rmse)) {
                return;
            }
            n += metrics.n();
            sumAbs += mae * metrics.n();
            sumSquares += rmse * rmse * metrics.n();
        }
    }

    /**
     * Tries every change of {@code question} (with retraining where it hurts; for an ONNX model, of a ridge regression
     * standing in for it, {@link WhatIfStudy#standIn}); slow, off the FX thread.
     */
    static WhatIfRun.Result run(WhatIfQuestion question, Consumer<String> progress, RunControl control) {
        progress.accept("Reading your data");
        Frame data = TableLoader.load(question.data()).frame();
        Path baseDir = question.data().toAbsolutePath().getParent();
        Map<String, double[]> curves = new LinkedHashMap<>();
        progress.accept("Checking your model on today's data");
        RunAlarms quiet = new RunAlarms();
        Map<String, GroupCounts> unchanged = WhatIfRun.measure(WhatIfStudy.baseline(question), baseDir, control, curves,
                "today", "mae", quiet);
        Map<String, Errors> before = errors(unchanged);
        GroupCounts everyoneBefore = unchanged.get(EVERYONE);
        List<WhatIfVerdict> verdicts = new ArrayList<>();
        Map<WhatIfChange, WhatIfVerdict.Retraining> retraining = new LinkedHashMap<>();
        Map<WhatIfChange, GroupCounts> everyone = new LinkedHashMap<>();
        Map<WhatIfChange, PairedFall> falls = new LinkedHashMap<>();
        Map<WhatIfChange, String> alarms = new LinkedHashMap<>();
        Map<WhatIfChange, String> groupWords = new LinkedHashMap<>();
        Map<WhatIfChange, List<GroupFairness>> fairness = new LinkedHashMap<>();
        WhatIfStudy.StandIn standIn = null;
        for (WhatIfChange change : question.changes()) {
            if (control.isCancelled()) {
                break;
            }
            progress.accept("Trying: " + change.kind().words() + " (" + change.strengthWords() + ")");
            RunAlarms changed = new RunAlarms();
            Map<String, GroupCounts> counted = WhatIfRun.measure(WhatIfStudy.withChange(question, data, change),
                    baseDir, control, curves, change.kind().words(), "mae", changed);
            alarms.put(change, changed.words(quiet, null));
            groupWords.put(change, GroupFairness.words(counted, unchanged));
            fairness.put(change, GroupFairness.of(counted));
            Map<String, PairedFall> paired = new LinkedHashMap<>();
            counted.forEach((group, c) -> {
                PairedFall fall = PairedFall.of(everyoneBefore, c);
                if (fall != null) {
                    paired.put(group, fall);
                }
            });
            if (counted.containsKey(EVERYONE)) {
                everyone.put(change, counted.get(EVERYONE));
                if (paired.containsKey(EVERYONE)) {
                    falls.put(change, paired.get(EVERYONE));
                }
            }
            Map<String, Errors> after = errors(counted);
            List<WhatIfVerdict> plain = verdicts(change, before, after, null, paired, Map.of());
            if (plain.stream().noneMatch(v -> v.light() != WhatIfVerdict.Light.GREEN) || control.isCancelled()) {
                verdicts.addAll(plain);
                continue;
            }
            standIn = standIn != null ? standIn : WhatIfStudy.standIn(question, data);
            progress.accept("Trying: " + change.kind().words() + ", with " + WhatIfStudy.RETRAINING_WORDS);
            Map<String, GroupCounts> retrainedCounts = WhatIfRun.measure(WhatIfStudy.withChangeAndRetraining(
                    standIn.question(), data, change), baseDir, control, curves, change.kind().words() + ", "
                    + WhatIfStudy.RETRAINING_WORDS, "mae");
            Map<String, Errors> retrained = errors(retrainedCounts);
            // Retraining is judged on the same rows too: its draws against the unchanged run's and the change's.
            Map<String, PairedFall[]> regained = new LinkedHashMap<>();
            retrainedCounts.forEach((group, r) -> regained.put(group, new PairedFall[] {
                PairedFall.of(everyoneBefore, r), PairedFall.of(counted.get(group), r)}));
            List<WhatIfVerdict> judged = verdicts(change, before, after, retrained, paired, regained);
            verdicts.addAll(judged);
            retraining.put(change, combine(judged));
        }
        return new WhatIfRun.Result(verdicts, curves, WhatIfStudy.combined(question, data), retraining, everyone,
                question.target(), standIn == null ? "" : standIn.words(), falls, alarms, fairness, groupWords);
    }

    private static Map<String, Errors> errors(Map<String, GroupCounts> counts) {
        Map<String, Errors> out = new LinkedHashMap<>();
        counts.forEach((group, c) -> out.put(group, Errors.of(c)));
        return out;
    }

    private static List<WhatIfVerdict> verdicts(WhatIfChange change, Map<String, Errors> before,
                                                Map<String, Errors> after, Map<String, Errors> retrained,
                                                Map<String, PairedFall> paired, Map<String, PairedFall[]> regained) {
        Set<String> groups = new LinkedHashSet<>(before.keySet());
        groups.addAll(after.keySet());
        List<WhatIfVerdict> out = new ArrayList<>();
        for (String group : groups) {
            // A group that only exists after the change (new customers) is compared with everyone.
            Errors b = before.getOrDefault(group, before.get(EVERYONE));
            Errors a = after.get(group);
            if (a == null || a.n == 0 || b == null) {
                continue;
            }
            Errors r = retrained == null ? null : retrained.get(group);
            out.add(verdict(change, group, b, a, r, paired.get(group), regained.get(group)));
        }
        return out;
    }

    /** The light of one group, and its sentence, judged unpaired. */
    static WhatIfVerdict verdict(WhatIfChange change, String group, Errors before, Errors after, Errors retrained) {
        return verdict(change, group, before, after, retrained, null);
    }

    /**
     * The light of one group, and its sentence; with {@code fall} (the group's rows paired with the same rows without
     * the change) the rise is judged paired and the error before is that of the same rows.
     */
    static WhatIfVerdict verdict(WhatIfChange change, String group, Errors before, Errors after, Errors retrained,
                                 PairedFall fall) {
        return verdict(change, group, before, after, retrained, fall, null);
    }

    /**
     * The same; with {@code regained} (the retrained run's rows paired with the unchanged run's, then with the change's)
     * what retraining did is judged on the same rows ({@link #retraining(Errors, Errors, PairedFall, PairedFall)}).
     */
    static WhatIfVerdict verdict(WhatIfChange change, String group, Errors before, Errors after, Errors retrained,
                                 PairedFall fall, PairedFall[] regained) {
        WhatIfVerdict.Light light = fall != null ? light(before, after, fall) : light(before, after);
        boolean paired = regained != null && regained[0] != null && regained[1] != null;
        WhatIfVerdict.Retraining retraining = light == WhatIfVerdict.Light.GREEN || retrained == null
                || retrained.n == 0 ? WhatIfVerdict.Retraining.NOT_TRIED : paired
                ? retraining(before, retrained, regained[0], regained[1]) : retraining(before, after, retrained);
        String who = group.equals(EVERYONE) ? EVERYONE : group.endsWith("=" + WhatIfStudy.NEW_SEGMENT) ? WhatIfStudy.NEW_SEGMENT
                : PlainWords.group(group);
        String now = "off by about " + PlainWords.amount(after.mae()) + " on average"
                + (after.interval.isEmpty() ? "" : " " + after.interval);
        double beforeMae = fall != null ? fall.before() : before.mae();
        String was = PlainWords.amount(beforeMae);
        boolean judged = before.different() >= Verdict.MIN_ROWS && after.different() >= Verdict.MIN_ROWS;
        String sentence = switch (light) {
            case GREEN -> !judged ? String.format(Locale.ROOT, "%s, there are too few rows of %s to tell (%d): %s.",
                    change.ifClause(), who, Math.min(before.different(), after.different()), now)
                    : String.format(Locale.ROOT, "%s, the model stays as good for %s: %s.", change.ifClause(), who, now);
            case AMBER -> String.format(Locale.ROOT, "%s, the model gets somewhat worse for %s: %s instead of %s%s.",
                    change.ifClause(), who, now, was, retraining.clause());
            case RED -> String.format(Locale.ROOT, "%s, the model fails for %s: %s instead of %s%s.",
                    change.ifClause(), who, now, was, retraining == WhatIfVerdict.Retraining.NOT_TRIED
                            ? " — it would need retraining on recent data" : retraining.clause());
        };
        return new WhatIfVerdict(change, group, light, beforeMae, after.mae(), sentence, retraining);
    }

    /** Green, amber or red by the rise of the error, counted only when its 95% interval excludes none. */
    static WhatIfVerdict.Light light(Errors before, Errors after) {
        if (before.different() < Verdict.MIN_ROWS || after.different() < Verdict.MIN_ROWS || !(before.mae() > 0)) {
            return WhatIfVerdict.Light.GREEN;
        }
        double rise = after.mae() - before.mae();
        double se = Math.hypot(before.standardError(), after.standardError());
        if (rise - Z95 * se <= 0) {
            return WhatIfVerdict.Light.GREEN;
        }
        double relative = rise / before.mae();
        return relative >= RED_RISE ? WhatIfVerdict.Light.RED
                : relative >= AMBER_RISE ? WhatIfVerdict.Light.AMBER : WhatIfVerdict.Light.GREEN;
    }

    /**
     * The light of a rise judged on the same rows ({@link PairedFall}): counted only when the paired t interval and
     * Wilcoxon's signed-rank test both put it beyond chance, red or amber by its size against the same rows' error.
     */
    static WhatIfVerdict.Light light(Errors before, Errors after, PairedFall fall) {
        if (before.different() < Verdict.MIN_ROWS || after.different() < Verdict.MIN_ROWS || !(fall.before() > 0)
                || !fall.worse()) {
            return WhatIfVerdict.Light.GREEN;
        }
        double relative = (fall.after() - fall.before()) / fall.before();
        return relative >= RED_RISE ? WhatIfVerdict.Light.RED
                : relative >= AMBER_RISE ? WhatIfVerdict.Light.AMBER : WhatIfVerdict.Light.GREEN;
    }

    private static WhatIfVerdict.Retraining retraining(Errors before, Errors after, Errors retrained) {
        if (light(before, retrained) == WhatIfVerdict.Light.GREEN) {
            return WhatIfVerdict.Retraining.FIXES;
        }
        double gain = after.mae() - retrained.mae();
        return gain >= AMBER_RISE * before.mae() && gain > 2 * Math.hypot(after.standardError(),
                retrained.standardError()) ? WhatIfVerdict.Retraining.HELPS : WhatIfVerdict.Retraining.DOES_NOT_HELP;
    }

    /**
     * What retraining did, judged on the same rows: it fixes the group when, paired with the same rows unchanged
     * ({@code fromUnchanged}), its error is no worse ({@link #light(Errors, Errors, PairedFall)} green); it helps when,
     * paired with the same rows after the change ({@code fromChanged}), it wins back at least {@value #AMBER_RISE} of
     * the error there and the fall of the error is beyond chance (the paired t interval below 0, the t-test and
     * Wilcoxon's both under 0.05, {@link PairedFall#better}); else it does not help.
     */
    static WhatIfVerdict.Retraining retraining(Errors before, Errors retrained, PairedFall fromUnchanged,
                                               PairedFall fromChanged) {
        if (light(before, retrained, fromUnchanged) == WhatIfVerdict.Light.GREEN) {
            return WhatIfVerdict.Retraining.FIXES;
        }
        return fromChanged.before() - fromChanged.after() >= AMBER_RISE * fromChanged.before() && fromChanged.better()
                ? WhatIfVerdict.Retraining.HELPS : WhatIfVerdict.Retraining.DOES_NOT_HELP;
    }

    /** Over a change's groups: fixes if it fixes every one it was tried on, does not help if it helps none. */
    private static WhatIfVerdict.Retraining combine(List<WhatIfVerdict> verdicts) {
        List<WhatIfVerdict.Retraining> tried = verdicts.stream().map(WhatIfVerdict::retraining)
                .filter(r -> r != WhatIfVerdict.Retraining.NOT_TRIED).toList();
        if (tried.isEmpty()) {
            return WhatIfVerdict.Retraining.NOT_TRIED;
        }
        if (tried.stream().allMatch(r -> r == WhatIfVerdict.Retraining.FIXES)) {
            return WhatIfVerdict.Retraining.FIXES;
        }
        return tried.stream().allMatch(r -> r == WhatIfVerdict.Retraining.DOES_NOT_HELP)
                ? WhatIfVerdict.Retraining.DOES_NOT_HELP : WhatIfVerdict.Retraining.HELPS;
    }
}
