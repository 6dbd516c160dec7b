package org.twinbench.data;

import java.util.Locale;
import java.util.Set;

/**
 * Column names, cell values and groups of rows as people say them, one rule for every sentence that
 * names them (the guided check's pages, the what-if verdicts): "area_code" is "area code", the value
 * "area_code_415" of area_code is "415", "null" or an empty cell is "not filled in", and the group
 * "area_code=area_code_415" is "area code 415"; shares and amounts as people say them ("81%", "1,200").
 */
public final class PlainWords {

    /** Cell texts that mean "nothing was entered". */
    private static final Set<String> BLANKS = Set.of("", "null", "na", "n/a", "nan", "none", "missing");

    private PlainWords() {
    }

    /** Words as people list them: "a", "a and b", "a, b and c" (an empty list is empty). */
    public static String list(java.util.List<String> words) {
        int n = words.size();
        return n <= 1 ? String.join("", words)
                : String.join(", ", words.subList(0, n - 1)) + " and " + words.get(n - 1);
    }

    /** A column name as people say it: "area_code" is "area code". */
    public static String column(String name) {
        return name.replace('_', ' ').strip();
    }

    /**
     * A value of {@code column} as people say it: the column's name is not repeated
     * ("area_code_415" in area_code is "415"), underscores are spaces, and "null" or an empty cell
     * is "not filled in".
     */
    public static String value(String column, String value) {
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
    public static String group(String group) {
        int eq = group.indexOf('=');
        if (eq < 0) {
            return group.replace('_', ' ');
        }
        String column = group.substring(0, eq);
        return column(column) + " " + value(column, group.substring(eq + 1));
    }

    /** The text with its first letter a capital: "prices rise" is "Prices rise". */
    public static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A share as a whole percentage: 0.814 is "81%". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /**
     * An amount as people say it: whole and with thousands separators from 10 on ("1,200", "44"), else
     * two significant digits ("0.53"); NaN is "unknown".
     */
    public static String amount(double value) {
        if (Double.isNaN(value)) {
            return "unknown";
        }
        return Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2g", value);
    }
}
