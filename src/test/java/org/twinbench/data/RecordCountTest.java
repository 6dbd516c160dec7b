package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick count of a file's records, which sizes the loader's columns, equals the rows the loader reads: on every
 * CSV the project ships (real data sets among them) and on hand-made files with quoted line breaks, doubled quotes,
 * CR LF and CR line ends, blank lines and no final line end.
 */
class RecordCountTest {

    @TempDir
    Path tmp;

    private static long count(String text) throws IOException {
        return RecordCount.count(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), (byte) ',',
                (byte) '"');
    }

    @Test
    void recordsAreCountedAsTheParserReadsThem() throws IOException {
        assertThat(count("a,b\n1,2\n3,4\n")).isEqualTo(3);
        assertThat(count("a,b\n1,2\n3,4")).as("no final line end").isEqualTo(3);
        assertThat(count("a,b\r\n1,2\r\n3,4\r\n")).as("CR LF").isEqualTo(3);
        assertThat(count("a,b\r1,2\r3,4\r")).as("CR").isEqualTo(3);
        assertThat(count("a,b\n\n1,2\n   \n3,4\n\n")).as("blank lines").isEqualTo(3);
        assertThat(count("a,b\n\"one\nline\",2\n3,\"x\"\"\n\"\"y\"\n")).as("quoted line breaks").isEqualTo(3);
        assertThat(count("a,b\n1,x\"y\n3,4\n")).as("a quote inside an unquoted field").isEqualTo(3);
        assertThat(count("a\n,\n")).as("a record of empty fields is not blank").isEqualTo(2);
        assertThat(count("")).isZero();
    }

    @Test
    void theCountEqualsTheLoadedRowsOfEveryShippedTable() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("src/test/resources")),
                Files.walk(Path.of("sample-data")))) {
            files = walk.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("bad-input")).sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        int checked = 0;
        for (Path file : files) {
            Dataset loaded;
            try {
                loaded = TableLoader.load(file);
            } catch (DataException refused) {
                continue; // files that test refusals
            }
            TextFormat format = TextSniffer.sniff(file, LoadOptions.detect());
            int counted = RecordCount.dataRows(file, format, Integer.MAX_VALUE);
            if (counted >= 0) {
                assertThat(counted).as(file.toString()).isEqualTo(loaded.frame().rowCount());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void aCountedTableHoldsTheParsedValues() throws IOException {
        Path file = tmp.resolve("t.csv");
        Files.writeString(file, "x,y\n1.5,a\n\"2\",b\n\n -3e2 ,NA\nNaN,c\n");
        Frame frame = TableLoader.load(file).frame();
        assertThat(((NumericColumn) frame.column("x")).values()).containsExactly(1.5, 2.0, -300.0, Double.NaN);
        assertThat(frame.column("y")).isInstanceOf(CategoricalColumn.class);
        assertThat(frame.rowCount()).isEqualTo(4);
    }

    @Test
    void onlyCharsetsThatWriteTheMarkupAsAsciiAreCounted() {
        assertThat(RecordCount.asciiCompatible(StandardCharsets.UTF_8)).isTrue();
        assertThat(RecordCount.asciiCompatible(StandardCharsets.ISO_8859_1)).isTrue();
        assertThat(RecordCount.asciiCompatible(Charset.forName("windows-1252"))).isTrue();
        assertThat(RecordCount.asciiCompatible(StandardCharsets.UTF_16LE)).isFalse();
        assertThat(RecordCount.asciiCompatible(StandardCharsets.UTF_16)).isFalse();
    }
}
