package org.twinbench.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flags columns that hold personal data, from the shape of their values and from specific column
 * names. Values: a sample of up to {@value #SAMPLE} present values, placeholders such as "unknown"
 * or "n/a" left out ({@link #PLACEHOLDERS}); a column is e-mail addresses or national ids when at
 * least {@value #MOSTLY} of the rest match (so a column of 75% addresses and 25% "unknown" is
 * caught), phone numbers or person names ("Ada Lovelace", or "Allen, Miss. Elisabeth Walton" as passenger
 * lists write them), whose patterns also fit other text, when {@value #SHARE} do. Names: the column's last word or whole name must say what it holds
 * ({@code email}, {@code customer_email}, {@code phone_number}, {@code ssn}); a word inside an
 * unrelated name is not enough ({@code voice_mail_plan} is a plan, {@code email_opt_in} an option),
 * nor is a name on a column of two values ({@code own_telephone}: yes or no).
 * A flagged column is left out of the features and masked ({@link Masking}) in every output.
 */
public final class PiiDetector {

    static final int SAMPLE = 1000;
    static final double SHARE = 0.8;
    static final double MOSTLY = 0.5;

    /** Values (compared lower-case, trimmed) that stand for "no value" in a personal-data column. */
    static final Set<String> PLACEHOLDERS = Set.of("unknown", "none", "n/a", "na", "-", "--", "?", "null", "nil",
            "missing", "not given", "not provided", "not available", "no email", "noemail", "no phone", "redacted",
            "withheld", "anonymous", "tbd", "empty", "x", "xx", "xxx", "0");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]{7,22}");
    /** US social security number and UK national insurance number. */
    private static final Pattern NATIONAL_ID = Pattern.compile(
            "\\d{3}-\\d{2}-\\d{4}|[A-CEGHJ-PR-TW-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]");
    private static final Pattern PERSON_NAME = Pattern.compile("\\p{Lu}[\\p{L}'’\\-]+(\\s\\p{Lu}[\\p{L}'’\\-]+){1,2}");
    /** A surname, a title and given names, as passenger and patient lists write them ("Allen, Miss. Elisabeth"). */
    private static final Pattern TITLED_NAME = Pattern.compile("\\p{L}[\\p{L}'’\\- ]*,\\s+(?:Mr|Mrs|Miss|Ms|Mx|Master|Dr"
            + "|Rev|Mme|Mlle|Sir|Lady|Col|Major|Capt|Don|Dona|Jonkheer|the Countess|Countess|Prof)\\.?\\s+\\S.*");

    private static final Set<String> NAME_WORDS = Set.of("name", "firstname", "lastname", "surname", "fullname",
            "givenname", "familyname", "forename");
    private static final Set<String> NOT_PERSON_WORDS = Set.of("file", "product", "plan", "company", "city", "street",
            "region", "country", "host", "user", "model", "column", "feature", "branch", "store", "brand");
    /** Last words of a name that say it holds the kind; whole names (words joined) that do. */
    private static final Set<String> EMAIL_LAST = Set.of("email", "emailaddress", "mailaddress");
    private static final Set<String> EMAIL_WHOLE = Set.of("mail", "emails", "emailaddr", "emailid");
    private static final Set<String> PHONE_LAST = Set.of("phone", "telephone", "fax", "phonenumber", "phoneno",
            "mobilenumber", "mobileno", "cellnumber", "faxnumber", "telno", "telephonenumber", "cellphone",
            "mobilephone");
    private static final Set<String> PHONE_WHOLE = Set.of("mobile", "tel", "cell", "phones");
    private static final Set<String> ID_LAST = Set.of("ssn", "nino", "passport", "passportnumber", "passportno",
            "nationalid", "taxid", "socialsecuritynumber", "nationalinsurancenumber");
    /** First words of a name that describe something about the kind rather than hold it. */
    private static final Set<String> ABOUT_WORDS = Set.of("has", "have", "own", "owns", "is", "uses", "with", "without",
            "no", "num", "number", "count", "n", "total", "valid", "verified");
    private static final Set<String> ID_WHOLE = Set.of("sin", "nin", "socialsecurity", "nationalinsurance");

    private PiiDetector() {
    }

    /** The kind of personal data the column holds, or null. */
    public static PiiKind detect(Column column) {
        String[] words = words(column.name());
        String joined = String.join("", words);
        String last = words.length == 0 ? "" : words[words.length - 1];
        String lastTwo = words.length < 2 ? last : words[words.length - 2] + last;
        if (column instanceof CategoricalColumn text) {
            if (share(text, EMAIL) >= MOSTLY) {
                return PiiKind.EMAIL;
            }
            if (share(text, NATIONAL_ID) >= MOSTLY) {
                return PiiKind.NATIONAL_ID;
            }
            if (share(text, PHONE) >= SHARE && (says(last, lastTwo, joined, PHONE_LAST, PHONE_WHOLE)
                    || phoneFormatted(text))) {
                return PiiKind.PHONE;
            }
        }
        if (isFlag(column) || words.length > 1 && ABOUT_WORDS.contains(words[0])) {
            // Two values at most say whether, not who; "own_telephone", "has_email", "num_phones" describe
            // the person's things: no name makes such a column personal data.
            return null;
        }
        if (says(last, lastTwo, joined, EMAIL_LAST, EMAIL_WHOLE)) {
            return PiiKind.EMAIL;
        }
        if (says(last, lastTwo, joined, PHONE_LAST, PHONE_WHOLE)) {
            return PiiKind.PHONE;
        }
        if (says(last, lastTwo, joined, ID_LAST, ID_WHOLE)) {
            return PiiKind.NATIONAL_ID;
        }
        boolean nameWord = hasAny(words, NAME_WORDS) || NAME_WORDS.contains(joined);
        if (nameWord && !hasAny(words, NOT_PERSON_WORDS)) {
            return PiiKind.NAME;
        }
        if (column instanceof CategoricalColumn text
                && (share(text, PERSON_NAME) >= SHARE || share(text, TITLED_NAME) >= SHARE)
                && text.levels().size() >= 0.5 * Math.min(text.size() - text.missingCount(), SAMPLE)) {
            return PiiKind.NAME;
        }
        return null;
    }

    /** Whether the column holds at most two distinct present values. */
    private static boolean isFlag(Column column) {
        if (column instanceof CategoricalColumn text) {
            return text.levels().size() <= 2;
        }
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < column.size() && seen.size() <= 2; i++) {
            if (!column.isMissing(i)) {
                seen.add(((NumericColumn) column).get(i));
            }
        }
        return seen.size() <= 2;
    }

    /** Whether the name's last word (or last two, joined) or the whole name says it holds the kind. */
    private static boolean says(String last, String lastTwo, String joined, Set<String> lastWords, Set<String> whole) {
        return lastWords.contains(last) || lastWords.contains(lastTwo) || lastWords.contains(joined)
                || whole.contains(joined);
    }

    /** The name split into lower-case words at underscores, spaces, dashes, dots and camelCase ("e-mail" is one word). */
    static String[] words(String name) {
        String text = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                .replaceAll("\\be[-_ ]mail", "email");
        return java.util.Arrays.stream(text.split("[_\\s\\-.]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    private static boolean hasAny(String[] words, Set<String> wanted) {
        for (String word : words) {
            if (wanted.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Share of the sampled present values matching {@code pattern}, placeholders left out; 0 when
     * nothing else is present.
     */
    private static double share(CategoricalColumn column, Pattern pattern) {
        int seen = 0;
        int matched = 0;
        for (int i = 0; i < column.size() && seen < SAMPLE; i++) {
            String value = column.get(i);
            if (value != null && !isPlaceholder(value)) {
                seen++;
                if (pattern.matcher(value).matches()) {
                    matched++;
                }
            }
        }
        return seen == 0 ? 0 : (double) matched / seen;
    }

    static boolean isPlaceholder(String value) {
        return PLACEHOLDERS.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** Phone-like values with the usual punctuation (a leading +, spaces, dashes or parentheses) and 7-15 digits. */
    private static boolean phoneFormatted(CategoricalColumn column) {
        int seen = 0;
        int formatted = 0;
        for (int i = 0; i < column.size() && seen < SAMPLE; i++) {
            String value = column.get(i);
            if (value != null && !isPlaceholder(value)) {
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
