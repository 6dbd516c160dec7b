package org.twinbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Makes text quoted from input inert on a terminal. Every message TwinBench prints, on stdout and
 * on stderr, goes through {@link #safe(String)} or through a writer from {@link #writer(PrintWriter)}:
 * control characters (C0 but newline and tab, DEL, C1) and the Unicode bidirectional overrides are
 * written as {@code \}{@code uXXXX}, so a column, node, zip entry or file name cannot clear the screen,
 * move the cursor or forge a line. Inside a JSON string that spelling is the same character, so
 * {@code --json} output stays valid JSON meaning the same.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** The text with every dangerous character escaped; newlines escaped too, so the text stays on one line. */
    static String oneLine(String text) {
        return escape(text, false);
    }

    /** The text with every dangerous character escaped; newlines and tabs kept. */
    static String safe(String text) {
        return escape(text, true);
    }

    static boolean dangerous(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = dangerous(c) || !keepNewlines && (c == '\n' || c == '\t');
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** A writer that escapes what {@link #safe(String)} escapes before it reaches {@code target}. */
    static PrintWriter writer(PrintWriter target) {
        if (target instanceof SafePrintWriter) {
            return target;
        }
        return new SafePrintWriter(new Filter(target));
    }

    private static final class SafePrintWriter extends PrintWriter {
        SafePrintWriter(Writer filter) {
            super(filter, false);
        }
    }

    private static final class Filter extends Writer {
        private final PrintWriter target;

        Filter(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            target.write(safe(new String(buffer, offset, length)));
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
