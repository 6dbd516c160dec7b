package org.twinbench.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>A sheet may be stored anywhere in the zip: the workbook part ({@code xl/workbook.xml}, or
 * wherever the package relationships {@code _rels/.rels} say) lists its sheets, and its own
 * relationships ({@code xl/_rels/workbook.xml.rels}) give each sheet's path. Those are the paths
 * counted, as POI follows them, together with anything under {@code xl/worksheets/} and the shared
 * strings table (each string is an object POI keeps, counted like a cell).
 */
final class ExcelSize {

    /** Heap per cell while POI holds the workbook, the parsed text columns and our columns (measured, rounded up). */
    static final long BYTES_PER_CELL = 1024;
    /** The workbook part and relationship parts are small lists; more than this is not a workbook. */
    static final long MAX_LIST_BYTES = 16L << 20;

    private static final String OFFICE_DOCUMENT = "/officeDocument";

    private ExcelSize() {
    }

    static void check(Path file, long budgetBytes) {
        Count count = new Count(file, budgetBytes);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String part : countedParts(zip, file)) {
                ZipEntry entry = entry(zip, part);
                if (entry == null) {
                    throw new DataException(file + ": the workbook lists a sheet at '" + printable(part)
                            + "', which the file lacks (damaged workbook?)");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    count.cells(in);
                }
            }
        } catch (IOException | XMLStreamException | IllegalArgumentException e) {
            throw new DataException(file + ": not a readable Excel workbook (damaged or truncated?): "
                    + ExcelReader.firstLine(e), e);
        }
    }

    /**
     * The parts whose elements are counted, zip names without a leading '/': every sheet the workbook
     * lists, at the path its relationships give, then the shared strings, then any other part under
     * {@code xl/worksheets/}.
     */
    static List<String> countedParts(ZipFile zip, Path file) throws IOException, XMLStreamException {
        Set<String> parts = new LinkedHashSet<>();
        String workbook = "xl/workbook.xml";
        ZipEntry rootRels = entry(zip, "_rels/.rels");
        if (rootRels != null) {
            for (Map.Entry<String, String[]> rel : relationships(zip, rootRels, "/", file).entrySet()) {
                if (rel.getValue()[0].endsWith(OFFICE_DOCUMENT)) {
                    workbook = rel.getValue()[1];
                }
            }
        }
        ZipEntry workbookEntry = entry(zip, workbook);
        if (workbookEntry != null) {
            List<String> sheetIds = sheetRelationshipIds(zip, workbookEntry, file);
            int slash = workbook.lastIndexOf('/');
            String folder = slash < 0 ? "" : workbook.substring(0, slash + 1);
            ZipEntry workbookRels = entry(zip, folder + "_rels/" + workbook.substring(slash + 1) + ".rels");
            Map<String, String[]> rels = workbookRels == null ? Map.of()
                    : relationships(zip, workbookRels, "/" + folder, file);
            for (String id : sheetIds) {
                String[] rel = rels.get(id);
                if (rel != null) {
                    parts.add(rel[1]);
                }
            }
            rels.values().stream().filter(r -> r[0].endsWith("/sharedStrings")).forEach(r -> parts.add(r[1]));
        }
        zip.stream().map(ZipEntry::getName).map(n -> n.startsWith("/") ? n.substring(1) : n)
                .filter(n -> n.matches("xl/worksheets/[^/]+\\.xml")).forEach(parts::add);
        return new ArrayList<>(parts);
    }

    /** The relationship ids ({@code r:id}) of the workbook's {@code <sheet>} elements, in order. */
    private static List<String> sheetRelationshipIds(ZipFile zip, ZipEntry workbook, Path file)
            throws IOException, XMLStreamException {
        List<String> ids = new ArrayList<>();
        try (InputStream in = bounded(zip.getInputStream(workbook), file, workbook.getName())) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheet")) {
                    for (int a = 0; a < xml.getAttributeCount(); a++) {
                        String namespace = xml.getAttributeNamespace(a);
                        if (xml.getAttributeLocalName(a).equals("id") && namespace != null && !namespace.isEmpty()) {
                            ids.add(xml.getAttributeValue(a));
                        }
                    }
                }
            }
            xml.close();
        }
        return ids;
    }

    /** Id to {type, zip name of the target} of the internal relationships in a {@code .rels} part. */
    private static Map<String, String[]> relationships(ZipFile zip, ZipEntry rels, String base, Path file)
            throws IOException, XMLStreamException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (InputStream in = bounded(zip.getInputStream(rels), file, rels.getName())) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("Relationship")) {
                    continue;
                }
                String id = xml.getAttributeValue(null, "Id");
                String type = xml.getAttributeValue(null, "Type");
                String target = xml.getAttributeValue(null, "Target");
                if (id != null && type != null && target != null
                        && !"External".equalsIgnoreCase(xml.getAttributeValue(null, "TargetMode"))) {
                    out.put(id, new String[] {type, resolve(base, target, file)});
                }
            }
            xml.close();
        }
        return out;
    }

    /** A relationship target resolved against its source's folder, as a zip entry name (OPC part names are URIs). */
    private static String resolve(String base, String target, Path file) {
        try {
            String path = new URI(null, null, base, null).resolve(new URI(target)).normalize().getPath();
            if (path == null) {
                throw new DataException(file + ": the workbook names a part '" + printable(target) + "' that is no path");
            }
            while (path.startsWith("/../")) {
                path = path.substring(3); // nothing is above the package's root
            }
            return path.startsWith("/") ? path.substring(1) : path;
        } catch (URISyntaxException e) {
            throw new DataException(file + ": the workbook names a part '" + printable(target) + "' that is no path");
        }
    }

    private static ZipEntry entry(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(name);
        return entry != null ? entry : zip.getEntry("/" + name);
    }

    /** Counts cells (and shared strings) across parts, refusing once the budget is passed. */
    private static final class Count {
        private final Path file;
        private final long budgetBytes;
        private long cells;
        private int widest;
        private long rows;

        Count(Path file, long budgetBytes) {
            this.file = file;
            this.budgetBytes = budgetBytes;
        }

        void cells(InputStream in) throws XMLStreamException {
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
                        widest = Math.max(widest, ++inRow);
                        add();
                    }
                    case "si" -> add();
                    default -> { }
                }
            }
            xml.close();
        }

        private void add() {
            cells++;
            if (cells * BYTES_PER_CELL > budgetBytes) {
                refuse(file, rows, widest, budgetBytes);
            }
        }
    }

    private static void refuse(Path file, long rowsSoFar, int columns, long budgetBytes) {
        long fit = budgetBytes / ((long) Math.max(columns, 1) * BYTES_PER_CELL);
        throw new DataException(String.format(java.util.Locale.ROOT, "%s: row %d: the workbook needs more than the"
                + " memory budget of %d MiB (an Excel cell takes about %d bytes while read): about %d rows of %d columns"
                + " fit; save it as CSV (about forty times smaller in memory), load a sample or fewer columns, or"
                + " start TwinBench with a larger -Xmx", file, rowsSoFar, budgetBytes >> 20, BYTES_PER_CELL, fit,
                columns));
    }

    private static InputStream bounded(InputStream in, Path file, String part) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(long n) {
                read += n;
                if (read > MAX_LIST_BYTES) {
                    throw new DataException(file + ": part '" + printable(part) + "' is larger than "
                            + (MAX_LIST_BYTES >> 20) + " MiB; not a workbook TwinBench reads");
                }
            }
        };
    }

    private static String printable(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 120 ? shown.substring(0, 120) + "…" : shown;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A workbook is untrusted input: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
