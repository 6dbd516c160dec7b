package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus under {@code src/test/resources/bad-input} (written by its
 * {@code make_corpus.py}): each file either loads as a careful reader would read it, or is refused
 * with one line naming the file and the line or column at fault.
 */
class BadInputCorpusTest {

    static Path corpus(String name) {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("corpus file " + name + " is missing", e);
        }
    }

    private static void refused(String name, String... fragments) {
        assertThatThrownBy(() -> TableLoader.load(corpus(name)))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(corpus(name).toString())
                .hasMessageContainingAll(fragments)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void emptyFileIsRefused() {
        refused("empty.csv", "empty");
    }

    @Test
    void fileOfBlankLinesIsRefused() {
        refused("blank-lines-only.csv", "empty");
    }

    @Test
    void headerOnlyLoadsAsTableWithoutRows() {
        Dataset dataset = TableLoader.load(corpus("header-only.csv"));
        assertThat(dataset.frame().columnNames()).containsExactly("id", "income", "region");
        assertThat(dataset.frame().rowCount()).isZero();
    }

    @Test
    void rowWithExtraFieldNamesItsLine() {
        refused("ragged-long-row.csv", "line 3", "4 fields", "header has 3 columns");
    }

    @Test
    void rowWithMissingFieldNamesItsLine() {
        refused("ragged-short-row.csv", "line 4", "2 fields", "header has 3 columns");
    }

    @Test
    void unclosedQuoteNamesTheLineItOpensOn() {
        refused("unclosed-quote.csv", "line 3", "never closed");
    }

    @Test
    void textAfterClosingQuoteIsRefused() {
        refused("text-after-quote.csv", "line 2", "after the closing quote");
    }

    @Test
    void duplicateColumnNamesAreNamedWithPositions() {
        refused("duplicate-columns.csv", "line 1", "columns 2 and 4", "'age'");
    }

    @Test
    void blankColumnNameNamesTheColumn() {
        refused("blank-column-name.csv", "line 1", "column 2", "no name");
    }

    @Test
    void binaryGarbageIsRefused() {
        refused("binary-garbage.csv", "binary data");
    }

    @Test
    void controlCharactersAreRefusedAsBinary() {
        refused("control-characters.csv", "binary data", "control bytes");
    }

    @Test
    void utf16WithoutByteOrderMarkIsRecognisedAndRefused() {
        refused("utf16-without-bom.csv", "UTF-16", "byte-order mark");
    }

    @Test
    void utf16WithByteOrderMarkLoads() {
        Frame frame = TableLoader.load(corpus("utf16-with-bom.csv")).frame();
        assertThat(frame.categorical("name").get(0)).isEqualTo("José");
        assertThat(frame.numeric("age").values()).containsExactly(31, 42);
    }

    @Test
    void latin1IsDetectedWhenBytesAreNotUtf8() {
        Frame frame = TableLoader.load(corpus("latin1.csv")).frame();
        assertThat(frame.columnNames()).containsExactly("name", "city", "age");
        assertThat(frame.categorical("city").get(0)).isEqualTo("Málaga");
        assertThat(frame.categorical("city").get(1)).isEqualTo("Köln");
        assertThat(TableLoader.load(corpus("latin1.csv")).notes().get(0))
                .isEqualTo("read as windows-1252, delimiter semicolon, quote '\"', first line is the header");
    }

    @Test
    void utf8WithByteOrderMarkAndSemicolonsLoads() {
        Frame frame = TableLoader.load(corpus("utf8-bom-semicolon.csv")).frame();
        assertThat(frame.columnNames()).containsExactly("name", "city", "age");
        assertThat(frame.categorical("name").get(1)).isEqualTo("Zoë");
    }

    @Test
    void encodingThatChangesMidFileNamesTheLine() {
        refused("mixed-encoding.csv", "line 7002", "not valid UTF-8");
    }

    @Test
    void tenThousandColumnsLoad() {
        Frame frame = TableLoader.load(corpus("wide-10000-columns.csv")).frame();
        assertThat(frame.columnNames()).hasSize(10_000);
        assertThat(frame.rowCount()).isEqualTo(3);
        // Cell (row 2, column 9999) is (2 * 7 + 9999) % 10 = 3, as the generator wrote it.
        assertThat(frame.numeric("c9999").get(2)).isEqualTo(3.0);
    }

    @Test
    void widerThanASpreadsheetIsRefused() {
        refused("too-wide-20000-columns.csv", "line 1", "20000 columns");
    }

    @Test
    void thousandsSeparatorsAreReadAsNumbers() {
        Dataset dataset = TableLoader.load(corpus("thousands-separators.csv"));
        assertThat(dataset.frame().numeric("amount").values()).containsExactly(1234.5, 12000, 7, -1_000_000.25);
        assertThat(dataset.notes()).anyMatch(note -> note.contains("'amount'") && note.contains("thousands"));
    }

    @Test
    void decimalCommasAreReadAsNumbers() {
        Dataset dataset = TableLoader.load(corpus("decimal-commas.csv"));
        assertThat(dataset.frame().numeric("price").values()).containsExactly(1.5, 2000.25, -0.75);
        assertThat(dataset.frame().numeric("qty").values()).containsExactly(3, 4, 5);
    }

    @Test
    void columnTurningToTextKeepsTheExactTextOfEarlierNumbers() {
        Frame frame = TableLoader.load(corpus("mixed-number-text.csv")).frame();
        assertThat(frame.categorical("code").levels()).containsExactly("007", "1.50", "A12");
    }

    @Test
    void numberOverrideNamesFirstCellThatIsNotANumber() {
        Path file = corpus("number-override-fails.csv");
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect().withType("score", ValueKind.NUMBER)))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll(file.toString(), "line 4", "'score'", "'high'", "not a number");
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFields() {
        refused("multiline-then-ragged.csv", "line 4", "4 fields");
    }

    @Test
    void zipArchiveNamedCsvIsRefused() {
        refused("zip-named.csv", "zip archive");
    }

    @Test
    void pdfNamedCsvIsRefused() {
        refused("pdf-named.csv", "PDF");
    }

    @Test
    void gzipNamedCsvIsRefused() {
        refused("gzip-named.csv", "gzip");
    }

    @Test
    void datesAndTimestampsAreRecognised() {
        Dataset dataset = TableLoader.load(corpus("dates-and-timestamps.csv"));
        assertThat(dataset.kind("day")).isEqualTo(ValueKind.DATE);
        assertThat(dataset.kind("at")).isEqualTo(ValueKind.TIMESTAMP);
        assertThat(dataset.kind("label")).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void goodWorkbookLoads() {
        Frame frame = TableLoader.load(corpus("good.xlsx")).frame();
        assertThat(frame.rowCount()).isEqualTo(200);
        assertThat(frame.numeric("income").get(0)).isEqualTo(1010.0);
        assertThat(frame.categorical("region").get(0)).isEqualTo("south");
    }

    @Test
    void truncatedWorkbookIsRefused() {
        refused("truncated.xlsx", "not a readable Excel workbook");
    }

    @Test
    void oldExcelFormatUnderXlsxNameIsRefused() {
        refused("xls-renamed.xlsx", ".xls");
    }

    @Test
    void textUnderXlsxNameIsRefused() {
        refused("text-named.xlsx", "not a zip archive");
    }
}
