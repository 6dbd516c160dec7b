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

    static byte[] serialise(Object value) throws IOException {
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
