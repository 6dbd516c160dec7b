package org.twinbench.ui.wizard;

import java.util.Locale;

/** Small text helpers of the wizard's plain-language pages. */
final class WizardWords {

    private WizardWords() {
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /**
     * An amount as people say it: whole and with thousands separators from 10 on ("1,200", "44"), else
     * two significant digits ("0.53").
     */
    static String amount(double value) {
        if (Double.isNaN(value)) {
            return "unknown";
        }
        return Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2g", value);
    }

    /** A column name as people say it (the rule of {@link org.twinbench.data.PlainWords}). */
    static String column(String name) {
        return org.twinbench.data.PlainWords.column(name);
    }

    /** A value of {@code column} as people say it (the rule of {@link org.twinbench.data.PlainWords}). */
    static String value(String column, String value) {
        return org.twinbench.data.PlainWords.value(column, value);
    }

    /** A group of rows in words (the rule of {@link org.twinbench.data.PlainWords}). */
    static String group(String group) {
        return org.twinbench.data.PlainWords.group(group);
    }
}
