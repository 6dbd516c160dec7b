package org.twinbench.cli;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mutations of the fuzz suite: each is a pure function of its input and a seeded generator. */
final class Mutations {

    /** Values a hostile or careless edit puts where a number or a name was. */
    private static final String[] JSON_VALUES = {"0", "-1", "1e308", "-1e308", "2147483648", "9223372036854775808",
            "0.5", "NaN", "null", "true", "\"\"", "\"x\"", "[]", "{}", "[1,2]", "\"../../etc/passwd\"",
            "\"<script>alert(1)</script>\"", "100000", "-0.0", "1e-320", "\"=cmd|' /C calc'!A0\""};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");
    private static final String[] CSV_CELLS = {"", "1", "-2.5", "1,5", "NA", "null", "\"", "\"\"", "a\"b", "x\ny",
            "=cmd|' /C calc'!A0", "<script>", "1e309", "NaN", "\u00e9t\u00e9", "\ud83d\ude00", "\t", ";", "|", " "};

    private Mutations() {
    }

    /** One to four edits of JSON text: a value replaced, a string replaced, a span deleted or duplicated, a byte. */
    static String json(String text, Random random) {
        String out = text;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> out = replaceMatch(out, NUMBER, random);
                case 2 -> out = replaceMatch(out, STRING, random);
                case 3 -> {
                    int from = random.nextInt(out.length());
                    int to = Math.min(out.length(), from + 1 + random.nextInt(200));
                    out = out.substring(0, from) + out.substring(to);
                }
                case 4 -> {
                    int from = random.nextInt(out.length());
                    int to = Math.min(out.length(), from + 1 + random.nextInt(300));
                    out = out.substring(0, to) + out.substring(from, to) + out.substring(to);
                }
                default -> {
                    int at = random.nextInt(out.length());
                    out = out.substring(0, at) + "{}[]\",:\\\u0000x9".charAt(random.nextInt(11)) + out.substring(at);
                }
            }
            if (out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    /** A single number of the JSON replaced by an edge value: the file stays well-formed, so it often validates. */
    static String value(String text, Random random) {
        return replaceMatch(text, NUMBER, random);
    }

    private static String replaceMatch(String text, Pattern pattern, Random random) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        if (count == 0) {
            return text;
        }
        int target = random.nextInt(count);
        matcher.reset();
        for (int i = 0; i <= target; i++) {
            matcher.find();
        }
        String value = JSON_VALUES[random.nextInt(JSON_VALUES.length)];
        if (pattern == STRING && !value.startsWith("\"")) {
            value = random.nextBoolean() ? value : "\"" + value + "\"";
        }
        return text.substring(0, matcher.start()) + value + text.substring(matcher.end());
    }

    /** A random table: a header, up to 40 rows of awkward cells, random delimiters, sometimes ragged. */
    static byte[] csv(Random random) {
        char delimiter = ",;\t|".charAt(random.nextInt(4));
        int columns = 1 + random.nextInt(6);
        int rows = random.nextInt(40);
        StringBuilder out = new StringBuilder();
        if (random.nextInt(10) == 0) {
            out.append('\ufeff');
        }
        for (int r = 0; r <= rows; r++) {
            int width = random.nextInt(12) == 0 ? columns + random.nextInt(3) - 1 : columns;
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    out.append(delimiter);
                }
                String cell = r == 0 && random.nextInt(4) > 0 ? "col" + c
                        : CSV_CELLS[random.nextInt(CSV_CELLS.length)];
                if (random.nextInt(3) == 0) {
                    out.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(cell);
                }
            }
            out.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return out.toString().getBytes(random.nextInt(8) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    }

    /** One to eight byte edits: flips, overwrites, a truncation, a deleted or duplicated span. */
    static byte[] bytes(byte[] original, Random random) {
        byte[] out = original.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                case 3 -> {
                    int to = Math.min(out.length, at + 1 + random.nextInt(64));
                    byte[] shorter = new byte[out.length - (to - at)];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, to, shorter, at, out.length - to);
                    out = shorter;
                }
                default -> {
                    int to = Math.min(out.length, at + 1 + random.nextInt(64));
                    byte[] longer = new byte[out.length + (to - at)];
                    System.arraycopy(out, 0, longer, 0, to);
                    System.arraycopy(out, at, longer, to, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }
}
