package org.twinbench.sim.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.sim.Verdict;
import org.twinbench.stats.WilsonInterval;

/**
 * A traffic light for one change and one group, with the sentence that explains it.
 *
 * @param change the change tried
 * @param group "everyone", or "column = value"
 * @param light how the model fares
 * @param before the model's accuracy on unchanged data (share of right answers)
 * @param after its accuracy once the change has fully arrived
 * @param sentence one plain-language sentence
 * @param retraining what retraining every month did for this group (tried only where the change hurts)
 */
public record WhatIfVerdict(WhatIfChange change, String group, Light light, double before, double after,
                            String sentence, Retraining retraining) {

    /** Green: still reliable; amber: noticeably worse; red: fails. */
    public enum Light { GREEN, AMBER, RED }

    /** What retraining every month (tried in a second run of the same change) does where a change hurts. */
    public enum Retraining {
        NOT_TRIED(""),
        FIXES(" — " + WhatIfStudy.RETRAINING_WORDS + " would fix it"),
        HELPS(" — " + WhatIfStudy.RETRAINING_WORDS + " would help, but not fully"),
        DOES_NOT_HELP(" — " + WhatIfStudy.RETRAINING_WORDS + " would not help");

        private final String clause;

        Retraining(String clause) {
            this.clause = clause;
        }

        /** "would fix it", "would help, but not fully", "would not help", or "" when not tried. */
        public String outcome() {
            return clause.isEmpty() ? "" : clause.substring(clause.indexOf(" would ") + 1);
        }

        /** The end of a verdict sentence, e.g. " — retraining every month would fix it" ("" when not tried). */
        public String clause() {
            return clause;
        }

        /** Over several groups: fixes if it fixes every one, does not help if it helps none. */
        static Retraining combine(java.util.Collection<Retraining> outcomes) {
            List<Retraining> tried = outcomes.stream().filter(r -> r != NOT_TRIED).toList();
            if (tried.isEmpty()) {
                return NOT_TRIED;
            }
            if (tried.stream().allMatch(r -> r == FIXES)) {
                return FIXES;
            }
            return tried.stream().allMatch(r -> r == DOES_NOT_HELP) ? DOES_NOT_HELP : HELPS;
        }
    }

    /** Accuracy lost (in shares of right answers) from which a group turns amber, and red. */
    static final double AMBER_DROP = 0.02;
    static final double RED_DROP = 0.05;
    /**
     * The share of its error a model of amounts must lose (its error rise over what it was) for a group to turn amber,
     * and red: the limits of a regression run's headline.
     */
    public static final double AMBER_RISE = 0.05;
    public static final double RED_RISE = 0.15;
    /** The share of right answers from which an unchanged model is called reliable for a group. */
    static final double RELIABLE = 0.8;

    /**
     * The light for a group whose accuracy went from {@code before} (on {@code nBefore} rows) to
     * {@code after} (on {@code nAfter} rows). A drop only counts when the 95% interval of the fall
     * (Newcombe's hybrid score interval, as the run verdict's, {@link Verdict}) excludes none, so a small
     * group's sampling noise does not turn it amber; a group under {@value Verdict#MIN_ROWS} rows on either
     * side is named but not judged. Unchanged, the model is called reliable for a group only when it is right
     * at least {@value #RELIABLE} of the time (the lower end of the Wilson interval).
     */
    static WhatIfVerdict of(WhatIfChange change, String group, double before, long nBefore, double after,
                            long nAfter) {
        return of(change, group, before, nBefore, after, nAfter, Retraining.NOT_TRIED);
    }

    /** The same, ending with what retraining every month did for this group (when it was tried). */
    static WhatIfVerdict of(WhatIfChange change, String group, double before, long nBefore, double after,
                            long nAfter, Retraining retraining) {
        return of(change, group, before, nBefore, after, nAfter, retraining, 1);
    }

    /**
     * The same for draws of which the share {@code distinct} are different rows (the check draws a file's rows again
     * and again, {@link GroupCounts#distinctShare}): the fall is judged on the draws, as the same draws were answered
     * before and after the change (the same seed), but whether the group has enough rows to tell, and whether the
     * model is reliable there, count the different rows.
     */
    static WhatIfVerdict of(WhatIfChange change, String group, double before, long nBefore, double after,
                            long nAfter, Retraining retraining, double distinct) {
        boolean real = Verdict.newcombe(Math.round(before * nBefore), nBefore, Math.round(after * nAfter),
                nAfter)[0] > 0;
        return of(change, group, before, nBefore, after, nAfter, retraining, distinct, real);
    }

    /**
     * The light of a group judged on the same rows before and after the change ({@link PairedFall}): the fall counts
     * only when McNemar's exact test and the paired interval both say it is more than chance; {@code before} and
     * {@code after} are the shares right on those rows.
     */
    static WhatIfVerdict of(WhatIfChange change, String group, PairedFall fall, Retraining retraining, double distinct) {
        return of(change, group, fall.before(), fall.pairs(), fall.after(), fall.pairs(), retraining, distinct,
                fall.worse());
    }

    private static WhatIfVerdict of(WhatIfChange change, String group, double before, long nBefore, double after,
                                    long nAfter, Retraining retraining, double distinct, boolean fallen) {
        double drop = before - after;
        long rowsBefore = Math.max(1, Math.round(nBefore * distinct));
        long rowsAfter = Math.max(1, Math.round(nAfter * distinct));
        boolean judged = rowsBefore >= Verdict.MIN_ROWS && rowsAfter >= Verdict.MIN_ROWS;
        boolean real = judged && fallen;
        Light light = real && drop >= RED_DROP ? Light.RED : real && drop >= AMBER_DROP ? Light.AMBER : Light.GREEN;
        String who = group.equals("everyone") ? "everyone" : group.equals(group.split("=", 2)[0] + "=" + WhatIfStudy.NEW_SEGMENT)
                ? WhatIfStudy.NEW_SEGMENT : org.twinbench.data.PlainWords.group(group);
        // "8 times out of 10 instead of 8 times out of 10" says nothing: then count in hundreds.
        boolean fine = needsHundreds(before) || needsHundreds(after)
                || light != Light.GREEN && times(before, false).equals(times(after, false));
        boolean reliable = WilsonInterval.of(after, (int) Math.min(Integer.MAX_VALUE, rowsAfter))[0] >= RELIABLE;
        String sentence = switch (light) {
            case GREEN -> !judged ? String.format(Locale.ROOT, "%s" + UNTOLD + "%s to tell (%d): right "
                    + "about %s.", change.ifClause(), who, Math.min(rowsBefore, rowsAfter), times(after, fine))
                    : reliable ? String.format(Locale.ROOT, "%s, the model stays reliable for %s: right about %s.",
                    change.ifClause(), who, times(after, fine))
                    : String.format(Locale.ROOT, "%s, the model does not change for %s" + WEAK + "%s.",
                    change.ifClause(), who, times(after, fine));
            case AMBER -> String.format(Locale.ROOT, "%s, the model gets somewhat worse for %s: right about %s instead of %s%s.",
                    change.ifClause(), who, times(after, fine), times(before, fine), retraining.clause());
            case RED -> String.format(Locale.ROOT, "%s, the model fails for %s: right only about %s instead of %s%s.",
                    change.ifClause(), who, times(after, fine), times(before, fine),
                    retraining == Retraining.NOT_TRIED ? " — it would need retraining on recent data" : retraining.clause());
        };
        return new WhatIfVerdict(change, group, light, before, after, sentence,
                light == Light.GREEN ? Retraining.NOT_TRIED : retraining);
    }

    /**
     * What retraining did for a group whose accuracy went from {@code before} to {@code after} under a
     * change, and to {@code retrained} under the same change with monthly retraining: it fixes it when
     * the group would then be green against {@code before}, helps when it wins back at least
     * {@link #AMBER_DROP} and more than two standard errors over {@code after}, else does not help.
     */
    static Retraining retraining(WhatIfChange change, String group, double before, long nBefore, double after,
                                 long nAfter, double retrained, long nRetrained) {
        if (of(change, group, before, nBefore, retrained, nRetrained).light() == Light.GREEN) {
            return Retraining.FIXES;
        }
        double gain = retrained - after;
        return gain >= AMBER_DROP && gain > 2 * standardError(after, nAfter, retrained, nRetrained)
                ? Retraining.HELPS : Retraining.DOES_NOT_HELP;
    }

    /**
     * What retraining did for a group, judged on the same rows as the change ({@link PairedFall}; the retrained run draws
     * the same rows as the others, the same seed): it fixes it when the group retrained would be green against the same
     * rows unchanged ({@code fromUnchanged}: the unchanged run's draws paired with the retrained run's; the fall then
     * no more than chance or under {@link #AMBER_DROP}); it helps when it wins back at least {@link #AMBER_DROP} of right
     * answers over the same rows after the change ({@code fromChanged}: the change's draws paired with the retrained
     * run's) and that rise is beyond chance ({@link PairedFall#better}: McNemar's exact test and Newcombe's paired
     * interval); else it does not help. {@code distinct}: the share of different rows among the draws.
     */
    public static Retraining retraining(WhatIfChange change, String group, PairedFall fromUnchanged,
                                        PairedFall fromChanged, double distinct) {
        if (of(change, group, fromUnchanged, Retraining.NOT_TRIED, distinct).light() == Light.GREEN) {
            return Retraining.FIXES;
        }
        return fromChanged.after() - fromChanged.before() >= AMBER_DROP && fromChanged.better()
                ? Retraining.HELPS : Retraining.DOES_NOT_HELP;
    }

    /** Standard error of the difference of two proportions, with the pooled proportion. */
    private static double standardError(double p1, long n1, double p2, long n2) {
        double pooled = (p1 * n1 + p2 * n2) / Math.max(1, n1 + n2);
        return Math.sqrt(pooled * (1 - pooled) * (1.0 / Math.max(1, n1) + 1.0 / Math.max(1, n2)));
    }

    /** Whether a share is too far from a whole number of tenths to say "k times out of 10". */
    static boolean needsHundreds(double share) {
        return Math.abs(share * 10 - Math.round(share * 10)) >= 0.25;
    }

    /** 0.81 becomes "8 times out of 10", or "81 times out of 100" when {@code fine}. */
    static String times(double share, boolean fine) {
        return fine ? Math.round(share * 100) + " times out of 100" : Math.round(share * 10) + " times out of 10";
    }

    /**
     * One sentence for a change over all its groups: reliable for everyone (only when every group is judged and
     * reliable), what the model is when it does not change but is weak or some groups are too small, or which
     * groups suffer.
     */
    public static String summary(WhatIfChange change, List<WhatIfVerdict> verdicts) {
        return summary(change, verdicts, Retraining.NOT_TRIED);
    }

    /** The same, ending with what retraining every month did where the change hurts. */
    public static String summary(WhatIfChange change, List<WhatIfVerdict> verdicts, Retraining retraining) {
        List<String> failing = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        boolean everyoneFails = false;
        for (WhatIfVerdict verdict : verdicts) {
            if (!verdict.change().equals(change)) {
                continue;
            }
            String who = base(verdict.sentence()).replaceFirst("^.*? for ([^:]*):.*$", "$1");
            if (verdict.light() == Light.RED) {
                everyoneFails |= verdict.group().equals("everyone");
                failing.add(who);
            } else if (verdict.light() == Light.AMBER) {
                worse.add(who);
            }
        }
        if (everyoneFails) {
            return change.ifClause() + ", the model fails for everyone" + (retraining == Retraining.NOT_TRIED
                    ? " — retraining on recent data would be needed." : retraining.clause() + ".");
        }
        if (failing.isEmpty() && worse.isEmpty()) {
            return unchanged(change, verdicts);
        }
        if (worse.remove("everyone")) {
            // Worse on the whole: the amber groups are part of that; only the failing ones need naming.
            StringBuilder text = new StringBuilder(change.ifClause()).append(", the model gets somewhat worse for everyone");
            if (!failing.isEmpty()) {
                text.append(" and fails for ").append(String.join(", ", failing));
            }
            return text.append(retraining.clause()).append('.').toString();
        }
        StringBuilder text = new StringBuilder(change.ifClause()).append(", the model stays reliable for most people");
        if (!failing.isEmpty()) {
            text.append(" but fails for ").append(String.join(", ", failing));
        }
        if (!worse.isEmpty()) {
            text.append(failing.isEmpty() ? " but gets somewhat worse for " : "; it gets somewhat worse for ")
                    .append(String.join(", ", worse));
        }
        return text.append(retraining.clause()).append('.').toString();
    }

    /**
     * The summary of a change that leaves every group as it was: "reliable for everyone" only when every group
     * was judged (enough rows) and is right at least {@value #RELIABLE} of the time by the lower end of its
     * Wilson interval; otherwise what it is — the model's level for everyone when that is weak, the weak groups,
     * the groups too small to tell.
     */
    private static String unchanged(WhatIfChange change, List<WhatIfVerdict> verdicts) {
        List<String> weak = new ArrayList<>();
        List<String> untold = new ArrayList<>();
        String everyoneWeak = null;
        for (WhatIfVerdict verdict : verdicts) {
            if (!verdict.change().equals(change)) {
                continue;
            }
            String sentence = base(verdict.sentence());
            if (sentence.contains(WEAK)) {
                String who = sentence.replaceFirst("^.*? does not change for (.*?)" + java.util.regex.Pattern.quote(WEAK)
                        + "(.*)\\.$", "about $2 for $1");
                if (verdict.group().equals("everyone")) {
                    everyoneWeak = sentence.substring(sentence.indexOf(WEAK) + WEAK.length(), sentence.length() - 1);
                } else {
                    weak.add(who);
                }
            } else if (sentence.contains(UNTOLD)) {
                untold.add(sentence.replaceFirst("^.*?" + java.util.regex.Pattern.quote(UNTOLD) + "(.*?) to tell \\((\\d+)\\):.*$",
                        "$1 ($2 rows)"));
            }
        }
        if (everyoneWeak == null && weak.isEmpty() && untold.isEmpty()) {
            return change.ifClause() + ", the model stays reliable for everyone you asked about.";
        }
        StringBuilder text = new StringBuilder(change.ifClause());
        if (everyoneWeak != null) {
            text.append(", the model does not change, but it is not reliable: right only about ").append(everyoneWeak);
        } else {
            text.append(", the model does not change");
        }
        if (!weak.isEmpty()) {
            text.append(everyoneWeak != null ? "; " : ", but ").append("it is right only ")
                    .append(String.join(", ", weak));
        }
        if (!untold.isEmpty()) {
            text.append(everyoneWeak != null || !weak.isEmpty() ? "; " : ", but ")
                    .append("there are too few rows to tell for ").append(String.join(", ", untold));
        }
        return text.append('.').toString();
    }

    /**
     * {@code verdict} of a classifier with what {@code after} counted: the 95% Wilson interval of its share right after
     * the change (over the draws counted as different rows) right after that share; a yes/no model that misses most of
     * the answer to catch (the upper end of its recall's interval under {@link #MIN_CAUGHT}) is not "reliable" there
     * but "does not change … But it misses most “yes”: it catches only 20 of every 100"; and for a model of kinds its
     * commonest mistake when that is clearly more than chance ({@link GroupCounts#commonestMistake}), in the words of
     * the outcome column {@code target}. A verdict on amounts is returned as it is.
     */
    static WhatIfVerdict withCounts(WhatIfVerdict verdict, GroupCounts after, String target) {
        if (after == null || after.amounts() || after.draws() == 0) {
            return verdict;
        }
        String sentence = verdict.sentence().replaceFirst("(\\d+ times out of 100?)",
                "$1 " + java.util.regex.Matcher.quoteReplacement(after.intervalWords()));
        double[] caught = after.recallInterval();
        if (verdict.light() == Light.GREEN && !Double.isNaN(caught[1]) && caught[1] < MIN_CAUGHT
                && sentence.contains(", the model stays reliable for ")) {
            // Right most of the time by answering the commoner outcome is not reliable when most of the answer to
            // catch is missed.
            sentence = sentence.replace(", the model stays reliable for ", ", the model does not change for ")
                    + String.format(java.util.Locale.ROOT, " But it misses most “%s”: it catches only %d of every 100 "
                    + "(between %.0f%% and %.0f%%).", org.twinbench.data.PlainWords.value(target, after.kinds().get(1)),
                    Math.round(100 * after.recall()), 100 * caught[0], 100 * caught[1]);
        }
        GroupCounts.Confusion mistake = after.commonestMistake();
        if (mistake != null) {
            sentence += mistake.words(target);
        }
        return new WhatIfVerdict(verdict.change(), verdict.group(), verdict.light(), verdict.before(), verdict.after(),
                sentence, verdict.retraining());
    }

    /**
     * {@link #summary(WhatIfChange, List, Retraining)} beside the naive guess on the same rows ({@code everyone}: what
     * was counted for all rows after the change; null: no comparison): "For comparison, always answering “no” would
     * be right 86% of the time on the same rows." A model no better than that ({@link GroupCounts#beatsGuess}) is
     * never called reliable: "But it is no better than a guess: …".
     */
    public static String summary(WhatIfChange change, List<WhatIfVerdict> verdicts, Retraining retraining,
                                 GroupCounts everyone, String target) {
        String text = summary(change, verdicts, retraining) + everyoneFigures(change, verdicts);
        if (everyone == null || everyone.draws() == 0) {
            return text;
        }
        String guess = everyone.amounts() ? "guessing the average amount would be off by "
                + org.twinbench.data.PlainWords.amount(everyone.guessMae()) + " on average"
                : "always answering “" + org.twinbench.data.PlainWords.value(target, everyone.guessKind())
                + "” would be right " + org.twinbench.data.PlainWords.percent(everyone.guessAccuracy()) + " of the time";
        // A yes/no model says how many of the answer to catch it catches; one that misses most of them is not reliable.
        double[] caught = everyone.recallInterval();
        String catches = Double.isNaN(everyone.recall()) ? "" : String.format(java.util.Locale.ROOT,
                " It catches %d of every 100 “%s” (between %.0f%% and %.0f%%).", Math.round(100 * everyone.recall()),
                org.twinbench.data.PlainWords.value(target, everyone.kinds().get(1)), 100 * caught[0], 100 * caught[1]);
        boolean missesMost = !catches.isEmpty() && caught[1] < MIN_CAUGHT;
        if (missesMost) {
            catches = catches.replace(" It catches ", " But it misses most of them: it catches only ");
        }
        if (everyone.beatsGuess()) {
            return notReliable(text, missesMost) + catches + " For comparison, " + guess + " on the same rows.";
        }
        String model = everyone.amounts() ? "the model is off by " + org.twinbench.data.PlainWords.amount(everyone.mae())
                : "the model is right " + org.twinbench.data.PlainWords.percent(everyone.accuracy()) + " of the time";
        return notReliable(text, true) + catches + " But it is no better than a guess: " + guess + " on the same rows, "
                + "and " + model + " " + everyone.intervalWords() + ".";
    }

    /** The share of a yes/no outcome's rows a model must be able to catch (upper end of its interval) to be reliable. */
    static final double MIN_CAUGHT = 0.5;

    /** {@code text} without a claim that the model is reliable, when {@code not}. */
    private static String notReliable(String text, boolean not) {
        return !not ? text : text.replace(", the model stays reliable for everyone you asked about",
                ", the model does not change").replace(", the model stays reliable for most people",
                ", the model holds for most people");
    }

    /**
     * Where the change hurts everyone, their figures as the verdict gives them, with the interval and the commonest
     * mistake: " Everyone: right only about 47 times out of 100 (between 38% and 56%) instead of 57 times out of
     * 100. It confuses “2” with “1” most (…)." ("" otherwise).
     */
    private static String everyoneFigures(WhatIfChange change, List<WhatIfVerdict> verdicts) {
        for (WhatIfVerdict verdict : verdicts) {
            if (verdict.change().equals(change) && verdict.group().equals("everyone")
                    && verdict.light() != Light.GREEN) {
                String sentence = verdict.sentence();
                String plain = base(sentence);
                int from = plain.indexOf(": ");
                int to = plain.indexOf(" — ");
                String figures = plain.substring(from + 2, to > from ? to : plain.length() - 1);
                return " Everyone: " + figures + "." + sentence.substring(plain.length());
            }
        }
        return "";
    }

    /** A verdict's sentence without the commonest mistake that may follow it. */
    private static String base(String sentence) {
        int cut = sentence.indexOf(GroupCounts.Confusion.OPENING);
        return cut < 0 ? sentence : sentence.substring(0, cut);
    }

    /** The wording of an unchanged group that is not reliable, and of one too small to tell. */
    private static final String WEAK = ", but is right only about ";
    private static final String UNTOLD = ", there are too few rows of ";

    /** The worst light of a change over its groups. */
    public static Light worst(WhatIfChange change, List<WhatIfVerdict> verdicts) {
        Light worst = Light.GREEN;
        for (WhatIfVerdict verdict : verdicts) {
            if (verdict.change().equals(change) && verdict.light().compareTo(worst) > 0) {
                worst = verdict.light();
            }
        }
        return worst;
    }
}
