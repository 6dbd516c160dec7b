package org.twinbench.model;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.twinbench.data.InputFiles;

/**
 * The two entries of a {@code .twinmodel} zip, inflated with bounds that hold whatever the zip's
 * headers claim. Each entry is counted as it inflates and refused as soon as it passes the least of:
 * a fixed ceiling; an eighth of the heap ({@link Runtime#maxMemory()}: the bytes, then the objects
 * deserialised from them, must fit beside the data); {@value #MAX_RATIO} times the compressed bytes
 * read so far (the ratio Apache POI's {@code ZipSecureFile} allows: a real model deflates about
 * 2:1, a run of zeros 1000:1); and, for {@code model.bin}, what a model of the card's shape can take
 * ({@link #needs}). A bomb is refused after its first megabyte, before it costs memory or time.
 */
record BundleEntries(byte[] card, ModelCardJson.Parsed parsed, byte[] binary) {

    static final long MAX_CARD_BYTES = 16L << 20;
    static final long MAX_BINARY_BYTES = 768L << 20;
    static final int MAX_RATIO = 100;
    /** Entries up to this size are not held to the ratio: a tiny entry of zeros is no threat. */
    static final long RATIO_FREE_BYTES = 1L << 20;
    /** The most trees a bundle may hold, for the bound of {@link #needs}. */
    static final long MAX_TREES = 10_000;
    /** Serialised bytes a tree node takes at most (measured: about 36), and a tree's own overhead. */
    static final long NODE_BYTES = 128;
    static final long TREE_BYTES = 4L << 10;

    /**
     * Reads {@code file}'s entries; {@code readCard} turns the card's bytes into the parsed card (and
     * refuses a bad one) as soon as it is read, so that the binary after it is bounded by its shape.
     */
    static BundleEntries read(Path file, long maxFileBytes, Function<byte[], ModelCardJson.Parsed> readCard) {
        String problem = InputFiles.problem(file);
        if (problem != null) {
            throw new ModelException(file + ": " + (problem.equals("file not found") ? "model file not found" : problem));
        }
        try {
            if (Files.size(file) > maxFileBytes) {
                throw new ModelException(file + ": larger than " + (maxFileBytes >> 20) + " MiB; not a model bundle");
            }
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
        }
        byte[] card = null;
        byte[] binary = null;
        ModelCardJson.Parsed parsed = null;
        boolean any = false;
        try (Counting counted = new Counting(Files.newInputStream(file)); ZipInputStream zip = new ZipInputStream(counted)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                String name = entry.getName();
                if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains("/")) {
                    throw new ModelException(file + ": entry '" + printable(name) + "' has a path; a model bundle holds"
                            + " only " + ModelBundle.CARD_ENTRY + " and " + ModelBundle.BINARY_ENTRY);
                }
                boolean isCard = name.equals(ModelBundle.CARD_ENTRY);
                if (!isCard && !name.equals(ModelBundle.BINARY_ENTRY)) {
                    throw new ModelException(file + ": unexpected entry '" + printable(name) + "'; a model bundle holds"
                            + " only " + ModelBundle.CARD_ENTRY + " and " + ModelBundle.BINARY_ENTRY);
                }
                if (isCard ? card != null : binary != null) {
                    throw new ModelException(file + ": entry '" + name + "' appears twice");
                }
                if (isCard) {
                    card = inflate(zip, counted, new Bound(MAX_CARD_BYTES, "past " + mib(MAX_CARD_BYTES)), file, name);
                    parsed = readCard.apply(card);
                } else {
                    binary = inflate(zip, counted, binaryBound(parsed), file, name);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream throws IllegalArgumentException for an entry name that is not valid UTF-8.
            throw new ModelException(file + ": not a readable model bundle (damaged zip?): " + e.getMessage(), e);
        }
        if (!any) {
            throw new ModelException(file + ": not a TwinBench model bundle (not a zip archive, or empty)");
        }
        if (card == null || binary == null) {
            throw new ModelException(file + ": not a TwinBench model: it lacks "
                    + (card == null ? ModelBundle.CARD_ENTRY : ModelBundle.BINARY_ENTRY));
        }
        Bound shaped = binaryBound(parsed);
        if (binary.length > shaped.bytes()) {
            // The binary came before the card: the card's bound is checked now.
            throw new ModelException(file + ": entry '" + ModelBundle.BINARY_ENTRY + "' inflates " + shaped.why()
                    + "; refused");
        }
        return new BundleEntries(card, parsed, binary);
    }

    /** At most {@code bytes}; {@code why} completes "inflates ..." in the message. */
    record Bound(long bytes, String why) {
        Bound tighter(long other, String otherWhy) {
            return other < bytes ? new Bound(other, otherWhy) : this;
        }
    }

    private static Bound binaryBound(ModelCardJson.Parsed parsed) {
        long heap = Runtime.getRuntime().maxMemory() / 8;
        Bound bound = new Bound(MAX_BINARY_BYTES, "past " + mib(MAX_BINARY_BYTES))
                .tighter(heap, "past " + mib(heap) + ", an eighth of the memory TwinBench may use (-Xmx)");
        if (parsed != null) {
            long needs = needs(parsed.card(), parsed.encoder());
            bound = bound.tighter(needs, "past " + mib(needs) + ", more than a " + parsed.card().algorithm()
                    + " model of " + parsed.card().features().size() + " features trained on "
                    + parsed.card().trainingRows() + " rows needs");
        }
        return bound;
    }

    /**
     * The most bytes a serialised model of the card's shape takes: the encoded width {@code w} (one
     * per numeric feature, one per level), the characters {@code c} of names and levels, and for trees
     * the nodes a tree can have (twice its leaves: a fifth of the training rows for a forest, as
     * {@code ModelTrainer} grows it, six for boosting) times {@link #MAX_TREES}.
     */
    static long needs(ModelCard card, FeatureEncoder encoder) {
        long width = 0;
        long characters = 0;
        for (FeatureEncoder.Feature feature : encoder.features()) {
            characters += feature.name().length();
            if (feature instanceof FeatureEncoder.Categorical categorical) {
                width += categorical.levels().size();
                for (String level : categorical.levels()) {
                    characters += level.length();
                }
            } else {
                width++;
            }
        }
        double fixed = (64L << 10) + 8.0 * characters + 64.0 * (width + 1);
        double leaves = switch (card.algorithm()) {
            case "logistic" -> 0;
            case "gradient-boosting" -> ModelTrainer.BOOSTING_MAX_NODES;
            default -> Math.max(2, (double) Math.max(card.trainingRows(), 0) / ModelTrainer.NODE_SIZE);
        };
        double trees = leaves == 0 ? 0 : MAX_TREES * (TREE_BYTES + 64.0 * width + 2 * leaves * NODE_BYTES);
        return (long) Math.min(Long.MAX_VALUE / 2.0, fixed + trees);
    }

    private static byte[] inflate(ZipInputStream zip, Counting counted, Bound bound, Path file, String name)
            throws IOException {
        long compressedStart = counted.count;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = zip.read(buffer)) > 0) {
            total += read;
            if (total > bound.bytes()) {
                throw new ModelException(file + ": entry '" + name + "' inflates " + bound.why() + "; refused");
            }
            long compressed = Math.max(1, counted.count - compressedStart);
            if (total > RATIO_FREE_BYTES && total > MAX_RATIO * compressed) {
                throw new ModelException(file + ": entry '" + name + "' inflates to more than " + MAX_RATIO
                        + " times its compressed size (a zip bomb); refused");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static String mib(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    /** An entry name fit for a one-line message: control characters shown as '?'. */
    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }

    /** Counts the compressed bytes the zip reader takes from the file. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
