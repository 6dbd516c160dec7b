package org.twinbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses an {@code .xlsx} workbook too big for the memory budget before it is read. The reader
 * (Apache POI's XSSF object model, under Tablesaw) keeps every cell of every sheet as XML objects,
 * on the order of a kilobyte per cell, so a workbook that fits on disk can still exhaust the heap.
 * This counts the cells by streaming the sheets' XML out of the zip (constant memory; it stops as
 * soon as the budget is passed, so a "zip bomb" sheet costs only the part read) and refuses with
 * the number of rows and columns that would fit, as the CSV reader does.
 */
final class ExcelSize {

    /** Heap per cell while POI holds the workbook, the parsed text columns and our columns (measured, rounded up). */
    static final long BYTES_PER_CELL = 1024;

    private ExcelSize() {
    }

    static void check(Path file, long budgetBytes) {
        long cells = 0;
        int widest = 0;
        long rows = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().matches("/?xl/worksheets/[^/]+\\.xml")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    XMLStreamReader xml = factory().createXMLStreamReader(in);
                    int inRow = 0;
                    while (xml.hasNext()) {
                        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        switch (xml.getLocalName()) {
                            case "row" -> {
                                rows++;
                                inRow = 0;
                            }
                            case "c" -> {
                                cells++;
                                widest = Math.max(widest, ++inRow);
                                if (cells * BYTES_PER_CELL > budgetBytes) {
                                    refuse(file, rows, widest, budgetBytes);
                                }
                            }
                            default -> { }
                        }
                    }
                    xml.close();
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new DataException(file + ": not a readable Excel workbook (damaged or truncated?): "
                    + ExcelReader.firstLine(e), e);
        }
    }

    private static void refuse(Path file, long rowsSoFar, int columns, long budgetBytes) {
        long fit = budgetBytes / ((long) columns * BYTES_PER_CELL);
        throw new DataException(String.format(java.util.Locale.ROOT, "%s: row %d: the workbook needs more than the"
                + " memory budget of %d MiB (an Excel cell takes about %d bytes while read): about %d rows of %d columns"
                + " fit; save it as CSV (about forty times smaller in memory), load a sample or fewer columns, or"
                + " start TwinBench with a larger -Xmx", file, rowsSoFar, budgetBytes >> 20, BYTES_PER_CELL, fit,
                columns));
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A workbook is untrusted input: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
