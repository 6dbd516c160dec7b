package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks that store their sheet outside {@code xl/worksheets/} (the relationships say where),
 * or hide their bulk in the shared strings: the size check follows the workbook's own
 * relationships, as POI does, and refuses them before they are read.
 */
class HostileWorkbookTest {

    @TempDir
    Path dir;

    private Path plain;

    @BeforeEach
    void workbook() throws IOException {
        plain = dir.resolve("plain.xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(plain)) {
            Sheet sheet = book.createSheet("data");
            Row header = sheet.createRow(0);
            for (int c = 0; c < 5; c++) {
                header.createCell(c).setCellValue("col" + c);
            }
            for (int r = 1; r <= 1000; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 5; c++) {
                    row.createCell(c).setCellValue(r * 0.5 + c);
                }
            }
            book.write(out);
        }
    }

    /** The workbook with its sheet moved to zip entry {@code part}, the relationship's Target set to {@code target}. */
    private Path relocated(String name, String part, String target) throws IOException {
        Path file = dir.resolve(name);
        try (ZipFile in = new ZipFile(plain.toFile()); OutputStream raw = Files.newOutputStream(file);
             ZipOutputStream out = new ZipOutputStream(raw)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                String entryName = entry.getName();
                if (entryName.equals("xl/worksheets/sheet1.xml")) {
                    entryName = part;
                } else if (entryName.equals("[Content_Types].xml")) {
                    bytes = text(bytes).replace("/xl/worksheets/sheet1.xml", "/" + part).getBytes(StandardCharsets.UTF_8);
                } else if (entryName.equals("xl/_rels/workbook.xml.rels")) {
                    String rels = text(bytes);
                    String moved = rels.replaceFirst("Target=\"[^\"]*sheet1\\.xml\"", "Target=\"" + target + "\"");
                    assertThat(moved).isNotEqualTo(rels);
                    bytes = moved.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entryName));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return file;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aSheetStoredElsewhereIsReadByPoiAndCountedToo() throws IOException {
        Path file = relocated("elsewhere.xlsx", "xl/elsewhere/grid.xml", "elsewhere/grid.xml");
        // POI follows the relationship: the moved sheet is the workbook's data.
        assertThat(TableLoader.load(file, LoadOptions.detect(), 64L << 20).frame().rowCount()).isEqualTo(1000);
        // 2 MiB at 1024 bytes per cell and 5 columns: floor(2097152 / 5120) = 409 rows, as for a sheet in place.
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect(), 2L << 20))
                .isInstanceOf(DataException.class).hasMessageStartingWith(file + ": row ")
                .hasMessageContaining("about 409 rows of 5 columns fit");
    }

    @Test
    void everyWayOfNamingTheSheetsPathIsFollowed() throws IOException {
        String[][] ways = {
            {"absolute.xlsx", "data/sheet.xml", "/data/sheet.xml"},
            {"dotdot.xlsx", "payload/s.xml", "../payload/s.xml"},
            {"root.xlsx", "s.xml", "/s.xml"},
            {"escaped.xlsx", "xl/my sheet.xml", "my%20sheet.xml"},
            {"dot.xlsx", "xl/a/b.xml", "./a/./b.xml"},
        };
        for (String[] way : ways) {
            Path file = relocated(way[0], way[1], way[2]);
            assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect(), 1L << 20)).as(way[0])
                    .isInstanceOf(DataException.class).hasMessageContaining("memory budget of 1 MiB")
                    .hasMessageContaining("rows of 5 columns fit");
        }
    }

    @Test
    void aSheetTheFileLacksIsRefused() throws IOException {
        Path file = relocated("missing.xlsx", "xl/worksheets/sheet1.xml", "../../../etc/passwd");
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect(), 64L << 20))
                .hasMessage(file + ": the workbook lists a sheet at 'etc/passwd', which the file lacks (damaged workbook?)");
    }

    @Test
    void sharedStringsCountLikeCells() throws IOException {
        // A tiny sheet whose shared strings table holds 5,000 strings: each is an object POI keeps.
        Path file = dir.resolve("strings.xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook(null, 100, false, true); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("data");
            sheet.createRow(0).createCell(0).setCellValue("name");
            for (int r = 1; r <= 5000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("text " + r);
            }
            book.write(out);
        }
        // 5,001 cells and 5,001 strings at 1024 bytes: more than 8 MiB, within 12 MiB.
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect(), 8L << 20)).hasMessageContaining("memory budget");
        assertThat(TableLoader.load(file, LoadOptions.detect(), 12L << 20).frame().rowCount()).isEqualTo(5000);
    }
}
