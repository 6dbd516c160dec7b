package org.twinbench.sim.whatif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/**
 * Runs a {@link WhatIfQuestion}: the baseline and every change, each a normal simulation with the same
 * seed, then compares each group's accuracy once the change has fully arrived. Slow: call it off the
 * UI thread; {@code progress} receives plain-language status lines.
 */
public final class WhatIfRun {

    /**
     * What the wizard shows: verdicts per change and group, overall accuracy per step per scenario,
     * and for each change what retraining every month does (tried only where the change hurts).
     */
    public record Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined,
                         Map<WhatIfChange, WhatIfVerdict.Retraining> retraining, Map<WhatIfChange, GroupCounts> everyone,
                         String target, String standIn, Map<WhatIfChange, PairedFall> falls,
                         Map<WhatIfChange, String> alarms, Map<WhatIfChange, List<GroupFairness>> fairness,
                         Map<WhatIfChange, String> groupWords) {

        /** What the results page says instead of each group's sentences, which its fairness table shows. */
        public static final String GROUPS_IN_TABLE = "How evenly it serves each group: the table below.";

        public Result {
            retraining = Map.copyOf(retraining);
            everyone = Map.copyOf(everyone);
            standIn = standIn == null ? "" : standIn;
            falls = Map.copyOf(falls);
            alarms = Map.copyOf(alarms);
            fairness = Map.copyOf(fairness);
            groupWords = Map.copyOf(groupWords);
        }

        /** A result without the fairness of each change's groups. */
        public Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined,
                      Map<WhatIfChange, WhatIfVerdict.Retraining> retraining, Map<WhatIfChange, GroupCounts> everyone,
                      String target, String standIn, Map<WhatIfChange, PairedFall> falls,
                      Map<WhatIfChange, String> alarms) {
            this(verdicts, overallAccuracy, combined, retraining, everyone, target, standIn, falls, alarms, Map.of(),
                    Map.of());
        }

        /** A result with the fairness of each change's groups, its sentences among the alarms' words. */
        public Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined,
                      Map<WhatIfChange, WhatIfVerdict.Retraining> retraining, Map<WhatIfChange, GroupCounts> everyone,
                      String target, String standIn, Map<WhatIfChange, PairedFall> falls,
                      Map<WhatIfChange, String> alarms, Map<WhatIfChange, List<GroupFairness>> fairness) {
            this(verdicts, overallAccuracy, combined, retraining, everyone, target, standIn, falls, alarms, fairness,
                    Map.of());
        }

        /** Per group column and measure, how evenly {@code change} leaves the model serving it (empty when not known). */
        public List<GroupFairness> fairnessFor(WhatIfChange change) {
            return fairness.getOrDefault(change, List.of());
        }

        /** A result whose figures for everyone were not paired with the unchanged run. */
        public Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined,
                      Map<WhatIfChange, WhatIfVerdict.Retraining> retraining, Map<WhatIfChange, GroupCounts> everyone,
                      String target, String standIn) {
            this(verdicts, overallAccuracy, combined, retraining, everyone, target, standIn, Map.of(), Map.of());
        }

        /** A result without counts: its summaries are not compared with the naive guess. */
        public Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined,
                      Map<WhatIfChange, WhatIfVerdict.Retraining> retraining) {
            this(verdicts, overallAccuracy, combined, retraining, Map.of(), "", "");
        }

        /** A result without retraining tried. */
        public Result(List<WhatIfVerdict> verdicts, Map<String, double[]> overallAccuracy, Scenario combined) {
            this(verdicts, overallAccuracy, combined, Map.of());
        }

        /** What retraining every month does for {@code change}. */
        public WhatIfVerdict.Retraining retrainingFor(WhatIfChange change) {
            return retraining.getOrDefault(change, WhatIfVerdict.Retraining.NOT_TRIED);
        }

        /**
         * The verdict for {@code change} in a sentence, with the retraining clause, beside the naive guess on the same
         * rows (a model no better than it is never called reliable), how everyone's figure moved on the same rows with
         * the chance of a move that big ({@link PairedFall#words}), what the run's data and fairness checks said that
         * they did not without the change ({@link RunAlarms#words}), and where the change hurts a model that cannot
         * be retrained here, what stood in for it (or why nothing could).
         */
        public String summary(WhatIfChange change) {
            return summary(change, groupWords.getOrDefault(change, ""));
        }

        /**
         * {@link #summary} for the results page: each group's sentences (how evenly the model serves it) are left to
         * the page's fairness table, which shows the same figures; the summary points to it. The saved report keeps
         * the sentences.
         */
        public String pageSummary(WhatIfChange change) {
            return summary(change, groupWords.getOrDefault(change, "").isEmpty() ? "" : " " + GROUPS_IN_TABLE);
        }

        private String summary(WhatIfChange change, String groups) {
            WhatIfVerdict.Retraining tried = retrainingFor(change);
            boolean hurts = WhatIfVerdict.worst(change, verdicts) != WhatIfVerdict.Light.GREEN;
            PairedFall fall = falls.get(change);
            return WhatIfVerdict.summary(change, verdicts, tried, everyone.get(change), target)
                    + (fall == null ? "" : " " + org.twinbench.data.PlainWords.capitalised(fall.words()) + ".")
                    + alarms.getOrDefault(change, "") + groups
                    + (hurts && !standIn.isEmpty() ? " " + standIn : "");
        }
    }

    private WhatIfRun() {
    }

    public static Result run(WhatIfQuestion question, Consumer<String> progress, RunControl control) {
        progress.accept("Reading your data");
        Frame data = TableLoader.load(question.data()).frame();
        Path baseDir = question.data().toAbsolutePath().getParent();
        Map<String, double[]> curves = new LinkedHashMap<>();
        progress.accept("Checking your model on today's data");
        RunAlarms unchanged = new RunAlarms();
        Map<String, GroupCounts> before = measure(WhatIfStudy.baseline(question), baseDir, control, curves, "today",
                "accuracy", unchanged);
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
            String words = change.kind().words() + " (" + change.strengthWords() + ")";
            progress.accept("Trying: " + words);
            RunAlarms changed = new RunAlarms();
            Map<String, GroupCounts> after = measure(WhatIfStudy.withChange(question, data, change), baseDir, control,
                    curves, change.kind().words(), "accuracy", changed);
            alarms.put(change, changed.words(unchanged, positive(after)));
            groupWords.put(change, GroupFairness.words(after, before));
            fairness.put(change, GroupFairness.of(after));
            if (after.containsKey(Counting.EVERYONE)) {
                everyone.put(change, after.get(Counting.EVERYONE));
                PairedFall fall = PairedFall.of(before.get(Counting.EVERYONE), after.get(Counting.EVERYONE));
                if (fall != null) {
                    falls.put(change, fall);
                }
            }
            List<WhatIfVerdict> plain = verdicts(change, before, after, null, new ArrayList<>(), question.target());
            boolean hurts = plain.stream().anyMatch(v -> v.light() != WhatIfVerdict.Light.GREEN);
            if (hurts && standIn == null) {
                standIn = WhatIfStudy.standIn(question, data);
            }
            if (hurts && !control.isCancelled() && standIn.question() != null) {
                progress.accept("Trying: " + words + ", with " + WhatIfStudy.RETRAINING_WORDS);
                Map<String, GroupCounts> retrained = measure(WhatIfStudy.withChangeAndRetraining(standIn.question(),
                        data, change), baseDir, control, curves, change.kind().words() + ", "
                        + WhatIfStudy.RETRAINING_WORDS, "accuracy");
                List<WhatIfVerdict.Retraining> outcomes = new ArrayList<>();
                verdicts.addAll(verdicts(change, before, after, retrained, outcomes, question.target()));
                retraining.put(change, WhatIfVerdict.Retraining.combine(outcomes));
            } else {
                verdicts.addAll(plain);
            }
        }
        return new Result(verdicts, curves, WhatIfStudy.combined(question, data), retraining, everyone,
                question.target(), standIn == null ? "" : standIn.words(), falls, alarms, fairness, groupWords);
    }

    /**
     * One verdict per group; with {@code retrained} (the same change run with retraining), each group the change
     * hurts ends with what retraining did for it, also added to {@code outcomes}. Each sentence gives the 95% interval
     * of the share right after the change and, for a model of kinds, its commonest mistake when that is clearly more
     * than chance ({@link GroupCounts#commonestMistake}).
     */
    private static List<WhatIfVerdict> verdicts(WhatIfChange change, Map<String, GroupCounts> before,
                                                Map<String, GroupCounts> after, Map<String, GroupCounts> retrained,
                                                List<WhatIfVerdict.Retraining> outcomes, String target) {
        Set<String> groups = new LinkedHashSet<>(before.keySet());
        groups.addAll(after.keySet());
        List<WhatIfVerdict> out = new ArrayList<>();
        for (String group : groups) {
            // A group that only exists after the change (new customers) is compared with everyone.
            GroupCounts b = before.getOrDefault(group, before.get(Counting.EVERYONE));
            GroupCounts a = after.get(group);
            if (a == null || a.draws() == 0 || b == null) {
                continue;
            }
            // The fall is judged paired: the same draws before and after (the same seed, PairedFall); the level and
            // whether there are rows enough to tell count the different rows.
            double distinct = (double) a.rows() / a.draws();
            PairedFall fall = PairedFall.of(before.get(Counting.EVERYONE), a);
            WhatIfVerdict verdict = fall != null ? WhatIfVerdict.of(change, group, fall,
                    WhatIfVerdict.Retraining.NOT_TRIED, distinct) : WhatIfVerdict.of(change, group, b.accuracy(),
                    b.draws(), a.accuracy(), a.draws(), WhatIfVerdict.Retraining.NOT_TRIED, distinct);
            GroupCounts r = retrained == null ? null : retrained.get(group);
            if (r != null && r.draws() > 0 && verdict.light() != WhatIfVerdict.Light.GREEN) {
                // Judged on the same rows: the retrained run's draws against the unchanged run's (fixes?) and against
                // the change's (helps?).
                PairedFall fixed = PairedFall.of(before.get(Counting.EVERYONE), r);
                PairedFall regained = PairedFall.of(a, r);
                WhatIfVerdict.Retraining outcome = fixed != null && regained != null
                        ? WhatIfVerdict.retraining(change, group, fixed, regained, distinct)
                        : WhatIfVerdict.retraining(change, group, verdict.before(), b.draws(), a.accuracy(), a.draws(),
                        r.accuracy(), r.draws());
                outcomes.add(outcome);
                verdict = fall != null ? WhatIfVerdict.of(change, group, fall, outcome, distinct) : WhatIfVerdict.of(
                        change, group, b.accuracy(), b.draws(), a.accuracy(), a.draws(), outcome, distinct);
            }
            out.add(WhatIfVerdict.withCounts(verdict, a, target));
        }
        return out;
    }

    /** A yes/no model's answer to catch, as its counts name it (null for other models). */
    private static String positive(Map<String, GroupCounts> counts) {
        GroupCounts everyone = counts.get(Counting.EVERYONE);
        return everyone == null || everyone.amounts() || everyone.kinds().size() != 2 ? null : everyone.kinds().get(1);
    }

    /**
     * Runs {@code scenario} and returns, per group ("everyone" for all rows, else {@code column=value}), what was
     * counted over the steps after the change is complete ({@link GroupCounts}); the overall {@code metric} of
     * every step becomes the curve {@code curveName} of {@code curves}.
     */
    public static Map<String, GroupCounts> measure(Scenario scenario, Path baseDir, RunControl control,
                                                   Map<String, double[]> curves, String curveName, String metric) {
        return measure(scenario, baseDir, control, curves, curveName, metric, new RunAlarms());
    }

    /** The same, what the run's own monitors said going into {@code alarms}. */
    public static Map<String, GroupCounts> measure(Scenario scenario, Path baseDir, RunControl control,
                                                   Map<String, double[]> curves, String curveName, String metric,
                                                   RunAlarms alarms) {
        try (SimulationPlan compiled = ScenarioCompiler.compile(scenario, baseDir, new RunListener() { })) {
            Counting counting = Counting.of(compiled);
            SimulationPlan plan = counting.plan();
            double[] curve = new double[plan.steps()];
            SimulationEngine.run(plan, 0, new RunListener() {
                @Override
                public void onStep(StepResult result, int totalSteps) {
                    curve[result.step()] = result.overall().get(metric);
                    alarms.add(result);
                }
            }, control);
            curves.put(curveName, curve);
            return counting.counts();
        }
    }
}
