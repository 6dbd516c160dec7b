package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Excel workbook larger than the memory budget is refused, before it is read, with what would fit. */
class ExcelSizeTest {

    @TempDir
    Path dir;

    /** A workbook of {@code rows} data rows and 5 columns (header included), written cell by cell with POI's streaming writer. */
    private Path workbook(int rows) throws IOException {
        Path file = dir.resolve("big.xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("data");
            Row header = sheet.createRow(0);
            for (int c = 0; c < 5; c++) {
                header.createCell(c).setCellValue("col" + c);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 5; c++) {
                    row.createCell(c).setCellValue(r * 0.5 + c);
                }
            }
            book.write(out);
        }
        return file;
    }

    @Test
    void aWorkbookLargerThanTheBudgetIsRefusedWithTheRowsThatFit() throws IOException {
        Path file = workbook(1000);
        long budget = 2L << 20;
        // 2 MiB at 1024 bytes per cell and 5 columns: floor(2097152 / 5120) = 409 rows.
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect(), budget))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": row ")
                .hasMessageContaining("memory budget of 2 MiB")
                .hasMessageContaining("about 409 rows of 5 columns fit")
                .hasMessageNotContaining("\n");
        // 1001 rows x 5 cells at 1024 bytes = 5.1 MB: within 8 MiB the same workbook loads in full.
        Dataset loaded = TableLoader.load(file, LoadOptions.detect(), 8L << 20);
        assertThat(loaded.frame().rowCount()).isEqualTo(1000);
        assertThat(loaded.frame().numeric("col4").get(999)).isEqualTo(1000 * 0.5 + 4);
    }
}
