package org.twinbench.sim;

import org.twinbench.scenario.Limits;
import org.twinbench.scenario.ScenarioException;

/**
 * Reads the text of an {@code --assert} gate in one pass, left to right, each character looked at
 * once or twice: {@code FUNCTION ( METRIC [ KEY = VALUE ] since DATE until DATE ) OPERATOR NUMBER}
 * (the selector and the two dates each optional; dates as {@code 2025-03-01}), with spaces allowed around
 * every part. (A backtracking regular expression took 36 s on 5,000 spaces in a selector.)
 * Expressions longer than {@link Limits#ASSERT_LENGTH} characters are refused before they are read.
 */
final class AssertionSyntax {

    /**
     * The parts of a gate; {@code key} and {@code value} are null without a selector, {@code since} and
     * {@code until} (ISO dates) without their clause.
     */
    record Parts(String function, String metric, String key, String value, String since, String until,
                 String operator, double bound) {
    }

    private final String text;
    private int at;

    private AssertionSyntax(String text) {
        this.text = text;
    }

    /** The parts of {@code expression}, or null when it does not follow the syntax. */
    static Parts parse(String expression) {
        if (expression.length() > Limits.ASSERT_LENGTH) {
            throw new ScenarioException("--assert '" + expression.substring(0, 40) + "...': " + expression.length()
                    + " characters; a gate may have at most " + Limits.ASSERT_LENGTH);
        }
        return new AssertionSyntax(expression).gate();
    }

    private Parts gate() {
        spaces();
        String function = word();
        if (!function.matches("min|max|mean|first|last|count") || !symbol('(')) {
            return null;
        }
        spaces();
        String metric = metric();
        if (metric.isEmpty()) {
            return null;
        }
        spaces();
        String key = null;
        String value = null;
        if (symbol('[')) {
            spaces();
            key = until('=').strip();
            if (key.isEmpty() || key.indexOf(']') >= 0 || !symbol('=')) {
                return null;
            }
            value = until(']').strip();
            if (!symbol(']')) {
                return null;
            }
        }
        String since = null;
        String until = null;
        for (int clause = 0; clause < 2; clause++) {
            spaces();
            int mark = at;
            String word = word();
            if (!word.equals("since") && !word.equals("until")) {
                at = mark;
                break;
            }
            spaces();
            String date = date();
            if (date == null || (word.equals("since") ? since : until) != null) {
                return null;
            }
            if (word.equals("since")) {
                since = date;
            } else {
                until = date;
            }
        }
        if (!symbol(')')) {
            return null;
        }
        spaces();
        String operator = operator();
        if (operator == null) {
            return null;
        }
        spaces();
        String number = number();
        spaces();
        if (number == null || at != text.length()) {
            return null;
        }
        return new Parts(function, metric, key, value, since, until, operator, Double.parseDouble(number));
    }

    /** A calendar date {@code YYYY-MM-DD}, or null. */
    private String date() {
        int start = at;
        while (at < text.length() && at - start < 10 && (isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
            at++;
        }
        String date = text.substring(start, at);
        try {
            return java.time.LocalDate.parse(date).toString().equals(date) ? date : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The characters before the next {@code stop} (or to the end), without consuming {@code stop}. */
    private String until(char stop) {
        int start = at;
        while (at < text.length() && text.charAt(at) != stop) {
            at++;
        }
        return text.substring(start, at);
    }

    private void spaces() {
        while (at < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    /** Skips spaces, then consumes {@code c} if it comes next. */
    private boolean symbol(char c) {
        spaces();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private String word() {
        int start = at;
        while (at < text.length() && Character.isLetter(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    /** {@code [A-Za-z_][A-Za-z0-9_.-]*}. */
    private String metric() {
        int start = at;
        if (at < text.length() && (isAsciiLetter(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
            while (at < text.length() && (isAsciiLetter(text.charAt(at)) || isDigit(text.charAt(at))
                    || "_.-".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
        }
        return text.substring(start, at);
    }

    private String operator() {
        for (String op : new String[] {">=", "<=", "==", "!=", ">", "<"}) {
            if (text.startsWith(op, at)) {
                at += op.length();
                return op;
            }
        }
        return null;
    }

    /** {@code [-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?}. */
    private String number() {
        int start = at;
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            at++;
        }
        int intDigits = digits();
        int fractionDigits = 0;
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            fractionDigits = digits();
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return null;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            int mark = at++;
            if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
                at++;
            }
            if (digits() == 0) {
                at = mark;
            }
        }
        return text.substring(start, at);
    }

    private int digits() {
        int start = at;
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        return at - start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
