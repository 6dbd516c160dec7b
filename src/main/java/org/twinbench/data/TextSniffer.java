package org.twinbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Detects the format of a delimited text file from its first 64 KiB: refuses binary files (with
 * what they look like), then finds the encoding, the quote character, the delimiter and whether the
 * first record is a header. Encodings: a byte-order mark (UTF-8, UTF-16), else UTF-8 when the
 * sample is valid UTF-8, else Latin-1 as Windows-1252.
 */
final class TextSniffer {

    static final int SAMPLE_BYTES = 1 << 16;
    /**
     * The fallback when the bytes are not UTF-8: Windows-1252, the superset of Latin-1 that Excel
     * writes on Western systems (it also reads the euro sign and curly quotes Latin-1 lacks).
     */
    static final Charset WESTERN = Charset.forName("windows-1252");
    private static final int SAMPLE_RECORDS = 50;

    private TextSniffer() {
    }

    static TextFormat sniff(Path file, LoadOptions options) {
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw new DataException(file + ": file is empty (no header line)");
        }
        refuseKnownBinary(file, head);
        int bom = 0;
        Charset charset = explicit(options.charset(), head);
        if (charset != null && utf16(charset)) {
            // Told the file is UTF-16: its zero bytes are half of its characters, not binary data.
            bom = bomOf(head, charset);
        } else if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
            charset = charset == null ? StandardCharsets.UTF_8 : charset;
        } else if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            bom = 2;
            charset = charset == null ? (head[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE)
                    : charset;
        } else {
            refuseBinary(file, head);
            if (charset == null) {
                charset = isUtf8(head) ? StandardCharsets.UTF_8 : WESTERN;
            }
        }
        String text = new String(head, bom, head.length - bom, charset);
        if (head.length == SAMPLE_BYTES) {
            int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
            text = lastBreak > 0 ? text.substring(0, lastBreak) : text;
        }
        if (text.isBlank()) {
            throw new DataException(file + ": file is empty (only blank lines, no header line)");
        }
        char quote = options.quote() != null ? options.quote() : sniffQuote(text);
        char delimiter = options.delimiter() != null ? options.delimiter() : sniffDelimiter(text, quote);
        boolean header = options.header() != null ? options.header() : sniffHeader(text, delimiter, quote, file);
        return new TextFormat(charset, bom, delimiter, quote, header);
    }

    /**
     * The encoding the user named, with plain {@code UTF-16} settled by the file's byte-order mark (big-endian
     * without one, as the Unicode standard says), so that a line end is always read as two known bytes.
     */
    private static Charset explicit(Charset named, byte[] head) {
        if (named == null || !named.equals(StandardCharsets.UTF_16)) {
            return named;
        }
        return startsWith(head, 0xFF, 0xFE) ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    private static boolean utf16(Charset charset) {
        return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
    }

    /** The length of a byte-order mark of {@code charset} at the start of {@code head}: 2, or 0 without one. */
    private static int bomOf(byte[] head, Charset charset) {
        boolean little = charset.equals(StandardCharsets.UTF_16LE);
        return little && startsWith(head, 0xFF, 0xFE) || !little && startsWith(head, 0xFE, 0xFF) ? 2 : 0;
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void refuseKnownBinary(Path file, byte[] head) {
        String what = null;
        if (startsWith(head, 'P', 'K', 3, 4)) {
            what = "a zip archive (an .xlsx workbook saved under another name?)";
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            what = "an old binary Office file (.xls); save it as .xlsx or CSV";
        } else if (startsWith(head, '%', 'P', 'D', 'F')) {
            what = "a PDF document";
        } else if (startsWith(head, 0x1F, 0x8B)) {
            what = "gzip-compressed; decompress it first";
        }
        if (what != null) {
            throw new DataException(file + ": is " + what + ", not a CSV/TSV text table");
        }
    }

    /** Zero bytes or many control characters mean binary data, or UTF-16 text without a byte-order mark. */
    private static void refuseBinary(Path file, byte[] head) {
        int zerosEven = 0;
        int zerosOdd = 0;
        int firstZero = -1;
        int control = 0;
        for (int i = 0; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                firstZero = firstZero < 0 ? i : firstZero;
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        int half = head.length / 2;
        if (half > 0 && Math.max(zerosEven, zerosOdd) > 0.3 * half && Math.min(zerosEven, zerosOdd) < 0.05 * half) {
            throw new DataException(file + ": looks like UTF-16 text without a byte-order mark; save it as UTF-8"
                    + " or name its encoding (UTF-16LE or UTF-16BE)");
        }
        if (firstZero >= 0) {
            throw new DataException(file + ": holds binary data (a zero byte at offset " + firstZero
                    + "), not a CSV/TSV text table");
        }
        if (control > 0.01 * head.length) {
            throw new DataException(file + ": holds binary data (" + control + " control bytes in the first "
                    + head.length + "), not a CSV/TSV text table");
        }
    }

    /** True when the bytes decode as UTF-8, allowing a sequence cut off at the end of the sample. */
    static boolean isUtf8(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        CharBuffer chars = CharBuffer.allocate(head.length);
        boolean cut = head.length == SAMPLE_BYTES;
        return !decoder.decode(bytes, chars, !cut).isError();
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The double quote, unless it never occurs and fields are wrapped in single quotes. */
    static char sniffQuote(String text) {
        if (text.indexOf('"') >= 0) {
            return '"';
        }
        int wrapped = 0;
        for (String line : lines(text)) {
            for (char d : new char[] {',', ';', '\t', '|'}) {
                if (line.startsWith("'") && line.contains("'" + d + "'")) {
                    wrapped++;
                    break;
                }
            }
        }
        return wrapped > 0 ? '\'' : '"';
    }

    /**
     * The delimiter among comma, semicolon, tab and pipe that occurs, outside quotes, the same
     * non-zero number of times on the first lines; ties go to the more frequent one.
     */
    static char sniffDelimiter(String text, char quote) {
        List<String> lines = lines(text);
        char best = ',';
        int bestScore = -1;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            int first = countOutsideQuotes(lines.get(0), candidate, quote);
            if (first == 0) {
                continue;
            }
            boolean consistent = true;
            for (String line : lines) {
                if (countOutsideQuotes(line, candidate, quote) != first) {
                    consistent = false;
                    break;
                }
            }
            int score = (consistent ? 1_000_000 : 0) + first;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
            if (lines.size() == SAMPLE_RECORDS) {
                break;
            }
        }
        return lines;
    }

    private static int countOutsideQuotes(String line, char delimiter, char quote) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == quote) {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    /**
     * The first record is data rather than a header when it holds a number and none of its cells is
     * text in a column whose other sampled cells are all numbers.
     */
    static boolean sniffHeader(String text, char delimiter, char quote, Path file) {
        CsvParser parser = new CsvParser(new StringReader(text), delimiter, quote, file.toString(), "text");
        List<String> fields = new ArrayList<>();
        List<List<String>> records = new ArrayList<>();
        try {
            while (records.size() < SAMPLE_RECORDS && parser.next(fields)) {
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    records.add(List.copyOf(fields));
                }
            }
        } catch (DataException e) {
            // An unclosed quote in the sample may just be cut by the sample's end; the full read decides.
        }
        if (records.size() < 2) {
            return true;
        }
        List<String> first = records.get(0);
        boolean anyNumber = false;
        for (int j = 0; j < first.size(); j++) {
            String cell = CellValues.normalise(first.get(j));
            boolean number = cell != null && CellValues.parseNumber(cell) != null;
            anyNumber |= number;
            if (cell != null && !number && columnIsNumeric(records, j)) {
                return true;
            }
        }
        return !anyNumber;
    }

    private static boolean columnIsNumeric(List<List<String>> records, int column) {
        boolean any = false;
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            String cell = column < record.size() ? CellValues.normalise(record.get(column)) : null;
            if (cell != null) {
                if (CellValues.parseNumber(cell) == null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
