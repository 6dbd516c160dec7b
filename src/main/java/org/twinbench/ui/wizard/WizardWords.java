package org.twinbench.ui.wizard;

import java.util.Locale;
import java.util.Set;

/** Small text helpers of the wizard's plain-language pages. */
final class WizardWords {

    /** Cell texts that mean "nothing was entered". */
    private static final Set<String> BLANKS = Set.of("", "null", "na", "n/a", "nan", "none", "missing");

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

    /** A column name as people say it: "area_code" is "area code". */
    static String column(String name) {
        return name.replace('_', ' ').strip();
    }

    /**
     * A value of {@code column} as people say it: the column's name is not repeated
     * ("area_code_415" in area_code is "415"), underscores are spaces, and "null" or an empty cell
     * is "not filled in".
     */
    static String value(String column, String value) {
        String v = value == null ? "" : value.strip();
        if (BLANKS.contains(v.toLowerCase(Locale.ROOT))) {
            return "not filled in";
        }
        String prefix = column.toLowerCase(Locale.ROOT) + "_";
        if (v.toLowerCase(Locale.ROOT).startsWith(prefix) && v.length() > prefix.length()) {
            v = v.substring(prefix.length());
        }
        return v.replace('_', ' ');
    }

    /** A group of rows as a verdict names it ("area_code=area_code_415") in words: "area code 415". */
    static String group(String group) {
        int eq = group.indexOf('=');
        if (eq < 0) {
            return group.replace('_', ' ');
        }
        String column = group.substring(0, eq);
        return column(column) + " " + value(column, group.substring(eq + 1));
    }
}
