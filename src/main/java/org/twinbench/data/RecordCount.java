package org.twinbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Counts a delimited file's data records in one quick pass over its bytes, before it is parsed, so that each
 * numeric column can be read straight into one array of its exact size (no chunks to copy, no array to grow):
 * records end at LF, CRLF or CR outside quotes, a quote opens a quoted field only at the field's start (as
 * {@link CsvParser} reads them), and a line of blanks is no record. The count is a sizing hint only: a file the
 * parser reads differently still loads correctly, its columns then grow as usual.
 *
 * <p>Only for charsets that write the delimiter, quote, line ends and blanks as the single ASCII bytes (UTF-8,
 * ISO-8859-x, windows-125x, US-ASCII); otherwise the count is unknown (−1).
 */
final class RecordCount {

    private RecordCount() {
    }

    /**
     * The number of non-blank records after the header (when {@code format} has one), at most {@code maxRows};
     * −1 when the file cannot be counted this way or cannot be read.
     */
    static int dataRows(Path file, TextFormat format, int maxRows) {
        if (!asciiCompatible(format.charset()) || format.delimiter() >= 0x80 || format.quote() >= 0x80) {
            return -1;
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(format.bomLength());
            long records = count(in, (byte) format.delimiter(), (byte) format.quote());
            long data = records - (format.header() && records > 0 ? 1 : 0);
            return (int) Math.min(data, maxRows);
        } catch (IOException e) {
            return -1;
        }
    }

    static boolean asciiCompatible(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
            return true;
        }
        String sample = " \t\r\n\",;|'";
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1
                && Arrays.equals(sample.getBytes(charset), sample.getBytes(StandardCharsets.US_ASCII));
    }

    /** Records that hold a non-blank byte, in the stream. */
    static long count(InputStream in, byte delimiter, byte quote) throws IOException {
        byte[] buffer = new byte[1 << 20];
        long records = 0;
        boolean quoted = false;
        boolean quoteSeen = false; // in a quoted field, the last byte was a quote: closing, or the first of a pair
        boolean fieldStart = true;
        boolean content = false; // the record so far holds something other than blanks
        int read;
        while ((read = in.read(buffer)) >= 0) {
            for (int i = 0; i < read; i++) {
                byte c = buffer[i];
                if (quoted) {
                    if (quoteSeen) {
                        quoteSeen = false;
                        if (c == quote) {
                            continue; // a doubled quote inside the field
                        }
                        quoted = false; // the field closed; c is read as outside quotes below
                    } else {
                        if (c == quote) {
                            quoteSeen = true;
                        }
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') {
                    if (content) {
                        records++; // a CR LF pair ends one record: after the CR nothing is left to count
                    }
                    content = false;
                    fieldStart = true;
                    continue;
                }
                if (c == delimiter) {
                    content = true;
                    fieldStart = true;
                } else if (c == quote && fieldStart) {
                    quoted = true;
                    content = true;
                    fieldStart = false;
                } else {
                    fieldStart = false;
                    if (!(c == ' ' || c == '\t' || c == 0x0B || c == '\f')) {
                        content = true;
                    }
                }
            }
        }
        return content || quoted ? records + 1 : records;
    }
}
