package org.twinbench.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the model files of the bad-input corpus ({@code src/test/resources/bad-input}); run its
 * {@code main} with the folder as argument after a change to the bundle format.
 */
public final class BadModelFiles {

    private BadModelFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path good = dir.resolve("good.twinmodel");
        ModelBundle.write(ModelTrainer.train(ModelTrainingTest.planted(1, 300),
                ModelTrainingTest.options(Algorithm.LOGISTIC, 1)), good);
        Map<String, byte[]> entries = entries(good);
        String card = new String(entries.get("model.json"), StandardCharsets.UTF_8);

        // A mean edited by hand: the card no longer matches the SHA-256 recorded in model.bin.
        zip(dir.resolve("tampered-card.twinmodel"), Map.of("model.json",
                card.replaceFirst("\"mean\" : [-0-9.Ee]+", "\"mean\" : 42.0").getBytes(StandardCharsets.UTF_8),
                "model.bin", entries.get("model.bin")));

        // A consistent bundle whose binary is a set holding a java.net.URL (a known gadget start).
        Set<Object> payload = new HashSet<>();
        payload.add(new URL("http://example.invalid/"));
        byte[] evil = serialise(payload);
        String evilCard = card.replaceFirst("\"sha256\" : \"[0-9a-f]{64}\"\n  }\n}",
                "\"sha256\" : \"" + org.twinbench.data.Sha256.of(evil) + "\"\n  }\n}");
        zip(dir.resolve("foreign-class.twinmodel"), consistent(evilCard, evil));

        zip(dir.resolve("zip-slip.twinmodel"), Map.of("../../model.json", entries.get("model.json"),
                "model.bin", entries.get("model.bin")));
        // 20 MiB of spaces compress to a few KiB: a card that inflates past the 16 MiB limit.
        zip(dir.resolve("zip-bomb.twinmodel"), Map.of("model.json", new byte[20 << 20]));
        Files.writeString(dir.resolve("not-a-zip.twinmodel"), "algorithm=logistic\n");
        Files.writeString(dir.resolve("not-onnx.onnx"), "this is a text file, not an ONNX protobuf\n");
        Files.delete(good);
    }

    /**
     * A bundle at {@code file} whose card is {@code card} with the binary's SHA-256 replaced by that of
     * {@code fitted}, and whose binary records the card's: consistent, so only the reader's other
     * checks stand in the way of {@code fitted}.
     */
    public static Path consistentBundle(Path file, String card, byte[] fitted) throws IOException {
        String evilCard = card.replaceFirst("\"sha256\" : \"[0-9a-f]{64}\"\n  }\n}",
                "\"sha256\" : \"" + org.twinbench.data.Sha256.of(fitted) + "\"\n  }\n}");
        if (evilCard.equals(card)) {
            throw new IllegalStateException("the card's layout changed: no binary SHA-256 found to replace");
        }
        zip(file, consistent(evilCard, fitted));
        return file;
    }

    /** The card of a freshly trained logistic model (three features, 300 rows). */
    public static String goodCard(Path dir) throws IOException {
        Path good = dir.resolve("good-for-card.twinmodel");
        ModelBundle.write(ModelTrainer.train(ModelTrainingTest.planted(1, 300),
                ModelTrainingTest.options(Algorithm.LOGISTIC, 1)), good);
        String card = new String(entries(good).get("model.json"), StandardCharsets.UTF_8);
        Files.delete(good);
        return card;
    }

    /**
     * SerialDOS (Wouter Coekaerts, 2015): {@code levels} nested pairs of sets, each pair in both sets
     * of the level above. A few kilobytes; hashing the outermost set costs 2^levels inner hashes.
     */
    public static byte[] nestedSets(int levels) throws IOException {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return serialise(root);
    }

    /** SerialDOS with maps: each pair of maps is a key of both maps of the level above (built top-down, unhashed). */
    public static byte[] nestedMaps(int levels) throws IOException {
        Map<Object, Object> root = new java.util.HashMap<>();
        Map<Object, Object> m1 = root;
        Map<Object, Object> m2 = new java.util.HashMap<>();
        for (int i = 0; i < levels; i++) {
            Map<Object, Object> t1 = new java.util.HashMap<>();
            Map<Object, Object> t2 = new java.util.HashMap<>();
            t1.put("foo", 1);
            m1.put(t1, 1);
            m1.put(t2, 2);
            m2.put(t1, 1);
            m2.put(t2, 2);
            m1 = t1;
            m2 = t2;
        }
        return serialise(root);
    }

    /** A chain of {@code levels} lists, each holding the next and a number. */
    public static byte[] nestedLists(int levels) throws IOException {
        java.util.List<Object> root = new java.util.ArrayList<>();
        java.util.List<Object> last = root;
        for (int i = 0; i < levels; i++) {
            java.util.List<Object> next = new java.util.ArrayList<>();
            next.add(i);
            last.add(next);
            last = next;
        }
        return serialise(root);
    }

    /**
     * A bundle whose {@code model.bin} inflates to {@code mib} MiB of zeros (deflated about 1000:1),
     * written in chunks; {@code binaryFirst} puts it before the card.
     */
    public static Path binaryBomb(Path file, String card, int mib, boolean binaryFirst) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            if (!binaryFirst) {
                zip.putNextEntry(new ZipEntry("model.json"));
                zip.write(card.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("model.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            if (binaryFirst) {
                zip.putNextEntry(new ZipEntry("model.json"));
                zip.write(card.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The card as the reader parses it. */
    static ModelCardJson.Parsed parsedCard(String card) throws IOException {
        return ModelCardJson.read(ModelBundle.JSON.readTree(card), "card");
    }

    /** Entries with model.bin's header recording the card's SHA-256, as ModelBundle.write does. */
    static Map<String, byte[]> consistent(String card, byte[] fitted) {
        byte[] cardBytes = card.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("TWINBIN1" + org.twinbench.data.Sha256.of(cardBytes)).getBytes(StandardCharsets.US_ASCII);
        byte[] binary = new byte[header.length + fitted.length];
        System.arraycopy(header, 0, binary, 0, header.length);
        System.arraycopy(fitted, 0, binary, header.length, fitted.length);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("model.json", cardBytes);
        out.put("model.bin", binary);
        return out;
    }

    public static byte[] serialise(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> entries(Path bundle) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                out.put(entry.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    static void zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).descendingMap().entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }
}
