package org.twinbench.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flags columns that hold personal data, from the column name and from the shape of its values
 * (a sample of up to {@value #SAMPLE} present values; a value rule needs {@value #SHARE} of them).
 * Errs on the side of flagging: a flagged column is only left out of the features and masked.
 */
public final class PiiDetector {

    static final int SAMPLE = 1000;
    static final double SHARE = 0.8;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]{7,22}");
    /** US social security number and UK national insurance number. */
    private static final Pattern NATIONAL_ID = Pattern.compile(
            "\\d{3}-\\d{2}-\\d{4}|[A-CEGHJ-PR-TW-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]");
    private static final Pattern PERSON_NAME = Pattern.compile("\\p{Lu}[\\p{L}'’\\-]+(\\s\\p{Lu}[\\p{L}'’\\-]+){1,2}");

    private static final Set<String> NAME_WORDS = Set.of("name", "firstname", "lastname", "surname", "fullname",
            "givenname", "familyname", "forename");
    private static final Set<String> NOT_PERSON_WORDS = Set.of("file", "product", "plan", "company", "city", "street",
            "region", "country", "host", "user", "model", "column", "feature", "branch", "store", "brand");
    private static final Set<String> PHONE_WORDS = Set.of("phone", "telephone", "tel", "mobile", "cell", "fax");
    private static final Set<String> EMAIL_WORDS = Set.of("email", "mail");
    private static final Set<String> ID_WORDS = Set.of("ssn", "nino", "passport", "nationalid", "taxid", "socialsecurity",
            "sin", "nin");

    private PiiDetector() {
    }

    /** The kind of personal data the column holds, or null. */
    public static PiiKind detect(Column column) {
        String words = " " + String.join(" ", words(column.name())) + " ";
        String joined = words.replace(" ", "");
        if (column instanceof CategoricalColumn text) {
            if (share(text, EMAIL) >= SHARE) {
                return PiiKind.EMAIL;
            }
            if (share(text, NATIONAL_ID) >= SHARE) {
                return PiiKind.NATIONAL_ID;
            }
            if (share(text, PHONE) >= SHARE && (hasAny(words, PHONE_WORDS) || phoneFormatted(text))) {
                return PiiKind.PHONE;
            }
        }
        if (hasAny(words, EMAIL_WORDS)) {
            return PiiKind.EMAIL;
        }
        if (hasAny(words, PHONE_WORDS)) {
            return PiiKind.PHONE;
        }
        if (hasAny(words, ID_WORDS) || joined.contains("nationalid") || joined.contains("socialsecurity")) {
            return PiiKind.NATIONAL_ID;
        }
        boolean nameWord = hasAny(words, NAME_WORDS) || NAME_WORDS.contains(joined);
        if (nameWord && !hasAny(words, NOT_PERSON_WORDS)) {
            return PiiKind.NAME;
        }
        if (column instanceof CategoricalColumn text && share(text, PERSON_NAME) >= SHARE
                && text.levels().size() >= 0.5 * Math.min(text.size() - text.missingCount(), SAMPLE)) {
            return PiiKind.NAME;
        }
        return null;
    }

    /** The name split into lower-case words at underscores, spaces, dashes, dots and camelCase. */
    static String[] words(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[_\\s\\-.]+");
    }

    private static boolean hasAny(String words, Set<String> wanted) {
        for (String word : wanted) {
            if (words.contains(" " + word + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Share of the sampled present values matching {@code pattern}; 0 when nothing is present. */
    private static double share(CategoricalColumn column, Pattern pattern) {
        int seen = 0;
        int matched = 0;
        for (int i = 0; i < column.size() && seen < SAMPLE; i++) {
            String value = column.get(i);
            if (value != null) {
                seen++;
                if (pattern.matcher(value).matches()) {
                    matched++;
                }
            }
        }
        return seen == 0 ? 0 : (double) matched / seen;
    }

    /** Phone-like values with the usual punctuation (a leading +, spaces, dashes or parentheses) and 7-15 digits. */
    private static boolean phoneFormatted(CategoricalColumn column) {
        int seen = 0;
        int formatted = 0;
        for (int i = 0; i < column.size() && seen < SAMPLE; i++) {
            String value = column.get(i);
            if (value != null) {
                seen++;
                long digits = value.chars().filter(Character::isDigit).count();
                boolean punctuated = value.startsWith("+") || value.contains(" ") || value.contains("-")
                        || value.contains("(");
                if (punctuated && digits >= 7 && digits <= 15) {
                    formatted++;
                }
            }
        }
        return seen > 0 && formatted >= SHARE * seen;
    }
}
