package org.twinbench.sim;

import java.util.Locale;

/**
 * A traffic light for one change and one group, with the sentence that explains it.
 *
 * @param change the change tried
 * @param group "everyone", or "column = value"
 * @param light how the model fares
 * @param before the model's accuracy on unchanged data (share of right answers)
 * @param after its accuracy once the change has fully arrived
 * @param sentence one plain-language sentence
 */
public record WhatIfVerdict(WhatIfChange change, String group, Light light, double before, double after,
                            String sentence) {

    /** Green: still reliable; amber: noticeably worse; red: fails. */
    public enum Light { GREEN, AMBER, RED }

    /** Accuracy lost (in shares of right answers) from which a group turns amber, and red. */
    static final double AMBER_DROP = 0.02;
    static final double RED_DROP = 0.05;

    /**
     * The light for a group whose accuracy went from {@code before} (on {@code nBefore} rows) to
     * {@code after} (on {@code nAfter} rows). A drop only counts when it is also more than two
     * standard errors of the difference of the two proportions, so a small group's sampling noise
     * does not turn it amber.
     */
    static WhatIfVerdict of(WhatIfChange change, String group, double before, long nBefore, double after,
                            long nAfter) {
        double drop = before - after;
        double pooled = (before * nBefore + after * nAfter) / Math.max(1, nBefore + nAfter);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / Math.max(1, nBefore) + 1.0 / Math.max(1, nAfter)));
        boolean real = drop > 2 * standardError;
        Light light = real && drop >= RED_DROP ? Light.RED : real && drop >= AMBER_DROP ? Light.AMBER : Light.GREEN;
        String who = group.equals("everyone") ? "everyone" : group.equals(group.split("=", 2)[0] + "=" + WhatIfStudy.NEW_SEGMENT)
                ? WhatIfStudy.NEW_SEGMENT : group.replace("=", " ").replace('_', ' ');
        boolean fine = needsHundreds(before) || needsHundreds(after);
        String sentence = switch (light) {
            case GREEN -> String.format(Locale.ROOT, "%s, the model stays reliable for %s: right about %s.",
                    change.ifClause(), who, times(after, fine));
            case AMBER -> String.format(Locale.ROOT, "%s, the model gets somewhat worse for %s: right about %s instead of %s.",
                    change.ifClause(), who, times(after, fine), times(before, fine));
            case RED -> String.format(Locale.ROOT,
                    "%s, the model fails for %s: right only about %s instead of %s — it would need retraining on recent data.",
                    change.ifClause(), who, times(after, fine), times(before, fine));
        };
        return new WhatIfVerdict(change, group, light, before, after, sentence);
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
     * One sentence for a change over all its groups: reliable for everyone, or which groups suffer.
     */
    public static String summary(WhatIfChange change, java.util.List<WhatIfVerdict> verdicts) {
        java.util.List<String> failing = new java.util.ArrayList<>();
        java.util.List<String> worse = new java.util.ArrayList<>();
        boolean everyoneFails = false;
        for (WhatIfVerdict verdict : verdicts) {
            if (!verdict.change().equals(change)) {
                continue;
            }
            String who = verdict.sentence().replaceFirst("^.*? for ([^:]*):.*$", "$1");
            if (verdict.light() == Light.RED) {
                everyoneFails |= verdict.group().equals("everyone");
                failing.add(who);
            } else if (verdict.light() == Light.AMBER) {
                worse.add(who);
            }
        }
        if (everyoneFails) {
            return change.ifClause() + ", the model fails for everyone — retraining on recent data would be needed.";
        }
        if (failing.isEmpty() && worse.isEmpty()) {
            return change.ifClause() + ", the model stays reliable for everyone you asked about.";
        }
        StringBuilder text = new StringBuilder(change.ifClause()).append(", the model stays reliable for most people");
        if (!failing.isEmpty()) {
            text.append(" but fails for ").append(String.join(", ", failing));
        }
        if (!worse.isEmpty()) {
            text.append(failing.isEmpty() ? " but gets somewhat worse for " : "; it gets somewhat worse for ")
                    .append(String.join(", ", worse));
        }
        return text.append('.').toString();
    }

    /** The worst light of a change over its groups. */
    public static Light worst(WhatIfChange change, java.util.List<WhatIfVerdict> verdicts) {
        Light worst = Light.GREEN;
        for (WhatIfVerdict verdict : verdicts) {
            if (verdict.change().equals(change) && verdict.light().compareTo(worst) > 0) {
                worst = verdict.light();
            }
        }
        return worst;
    }
}
