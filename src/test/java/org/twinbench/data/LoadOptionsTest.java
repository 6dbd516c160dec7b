package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadOptionsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path rows(int count) throws IOException {
        StringBuilder text = new StringBuilder("id,x\n");
        for (int i = 0; i < count; i++) {
            text.append(i).append(',').append(i * 0.5).append('\n');
        }
        return write("rows.csv", text.toString());
    }

    @Test
    void textOverrideKeepsLeadingZeros() throws IOException {
        Path file = write("zip.csv", "zip,n\n01234,1\n90210,2\n");
        assertThat(TableLoader.load(file).frame().column("zip")).isInstanceOf(NumericColumn.class);
        Frame frame = TableLoader.load(file, LoadOptions.detect().withType("zip", ValueKind.TEXT)).frame();
        assertThat(frame.categorical("zip").get(0)).isEqualTo("01234");
    }

    @Test
    void dateOverrideGivesEpochDays() throws IOException {
        Path file = write("d.csv", "day,n\n1970-01-02,1\n2024-03-01,2\n");
        Frame frame = TableLoader.load(file, LoadOptions.detect().withType("day", ValueKind.DATE)).frame();
        // 2024-03-01 is day 19783 since 1970-01-01 (date -d 2024-03-01 +%s / 86400).
        assertThat(frame.numeric("day").values()).containsExactly(1, 19783);
    }

    @Test
    void timestampOverrideGivesEpochSecondsHonouringOffsets() throws IOException {
        Path file = write("t.csv", "at\n1970-01-01T01:00:00Z\n1970-01-01T01:00:00+01:00\n1970-01-01 00:00:30.5\n");
        Frame frame = TableLoader.load(file, LoadOptions.detect().withType("at", ValueKind.TIMESTAMP)).frame();
        assertThat(frame.numeric("at").values()).containsExactly(3600, 0, 30.5);
    }

    @Test
    void overrideOfUnknownColumnNamesTheColumns() throws IOException {
        Path file = write("u.csv", "a,b\n1,2\n");
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withType("c", ValueKind.TEXT)))
                .isInstanceOf(DataException.class).hasMessageContainingAll("u.csv", "'c'", "[a, b]");
    }

    @Test
    void headerlessNumericFileGetsGeneratedNames() throws IOException {
        Path file = write("h.csv", "1,2.5,x\n2,3.5,y\n");
        Frame frame = TableLoader.load(file).frame();
        assertThat(frame.columnNames()).containsExactly("column_1", "column_2", "column_3");
        assertThat(frame.rowCount()).isEqualTo(2);
        Frame withHeader = TableLoader.load(file, LoadOptions.detect().withHeader(true)).frame();
        assertThat(withHeader.columnNames()).containsExactly("1", "2.5", "x");
    }

    @Test
    void pipeDelimiterAndSingleQuotesAreDetected() throws IOException {
        Path file = write("p.txt", "'name'|'note'\n'a|b'|'x'\n'c'|'it''s'\n");
        Frame frame = TableLoader.load(file).frame();
        assertThat(frame.columnNames()).containsExactly("name", "note");
        assertThat(frame.categorical("name").get(0)).isEqualTo("a|b");
        assertThat(frame.categorical("note").get(1)).isEqualTo("it's");
    }

    @Test
    void crlfAndQuotedLineBreaksAreRead() throws IOException {
        Path file = write("c.csv", "a,b\r\n\"x\r\ny\",1\r\nz,2\r\n");
        Frame frame = TableLoader.load(file).frame();
        assertThat(frame.categorical("a").get(0)).isEqualTo("x\r\ny");
        assertThat(frame.numeric("b").values()).containsExactly(1, 2);
    }

    @Test
    void nonUtf8BytesAreReadAsWindows1252() throws IOException {
        Path file = dir.resolve("w.csv");
        // 0x80 is the euro sign and 0x93/0x94 curly quotes in Windows-1252; plain Latin-1 has none of them.
        Files.write(file, new byte[] {'i', ';', 'n', '\r', '\n', 'A', ';', (byte) 0x80, ' ', (byte) 0x93, 'q',
            (byte) 0x94, '\r', '\n'});
        assertThat(TableLoader.load(file).frame().categorical("n").get(0)).isEqualTo("\u20ac \u201cq\u201d");
    }

    @Test
    void explicitFormatSettingsWinOverDetection() throws IOException {
        Path file = dir.resolve("x.txt");
        Files.write(file, "a;b,c\nJos\u00e9;1,5\n".getBytes(StandardCharsets.ISO_8859_1));
        Frame frame = TableLoader.load(file, LoadOptions.detect().withDelimiter(',').withHeader(false)
                .withCharset(StandardCharsets.ISO_8859_1)).frame();
        assertThat(frame.columnNames()).containsExactly("column_1", "column_2");
        assertThat(frame.categorical("column_1").get(1)).isEqualTo("Jos\u00e9;1");
    }

    @Test
    void overrideErrorCountsLinesOfMultiLineFields() throws IOException {
        Path file = write("m.csv", "note,score\n\"a\nb\",1\n\n\"c\",x\n");
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withType("score", ValueKind.NUMBER)))
                .hasMessageContainingAll("line 5", "'x'");
    }

    @Test
    void progressReachesEveryRow() throws IOException {
        Path file = rows(10_000);
        List<long[]> reports = new ArrayList<>();
        TableLoader.load(file, LoadOptions.detect().withListener((read, total, rows) -> reports.add(
                new long[] {read, total, rows})));
        assertThat(reports).hasSizeGreaterThanOrEqualTo(2);
        long[] last = reports.get(reports.size() - 1);
        assertThat(last[2]).isEqualTo(10_000);
        assertThat(last[0]).isEqualTo(Files.size(file)).isEqualTo(last[1]);
    }

    @Test
    void cancellingStopsTheLoad() throws IOException {
        Path file = rows(20_000);
        Cancellation cancellation = new Cancellation();
        LoadOptions options = LoadOptions.detect().withCancellation(cancellation)
                .withListener((read, total, rows) -> cancellation.cancel());
        assertThatThrownBy(() -> TableLoader.load(file, options)).isInstanceOf(CancellationException.class)
                .hasMessageContaining("rows.csv");
    }

    @Test
    void provenanceCarriesSchemaHashAndTiming() throws IOException {
        Path a = write("a.csv", "x,y\n1,p\n");
        Path b = write("b.csv", "x,y\n2,q\n3,r\n");
        Path c = write("c2.csv", "y,x\np,1\n");
        DataProvenance pa = TableLoader.load(a).provenance();
        assertThat(pa.schemaHash()).hasSize(64).isEqualTo(TableLoader.load(b).provenance().schemaHash());
        assertThat(pa.schemaHash()).isNotEqualTo(TableLoader.load(c).provenance().schemaHash());
        assertThat(pa.loadedAt()).endsWith("Z");
        assertThat(pa.rows()).isEqualTo(1);
        assertThat(pa.sha256()).isEqualTo(DataProvenance.sha256(a));
    }

    @Test
    void plainNumberGrammarRejectsJavaSuffixesAndHex() {
        assertThat(CellValues.parseNumber("1d")).isNull();
        assertThat(CellValues.parseNumber("0x10")).isNull();
        assertThat(CellValues.parseNumber("Infinity")).isNull();
        assertThat(CellValues.parseNumber("1e")).isNull();
        assertThat(CellValues.parseNumber("-.5")).isEqualTo(-0.5);
        assertThat(CellValues.parseNumber("0.1")).isEqualTo(Double.parseDouble("0.1"));
        assertThat(CellValues.parseNumber("123456.789012")).isEqualTo(123456.789012);
        assertThat(CellValues.parseNumber("12345678901234567890")).isEqualTo(1.2345678901234567e19);
        assertThat(CellValues.parseNumber("2.5E-3")).isEqualTo(0.0025);
    }
}
