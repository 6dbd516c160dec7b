package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files made by an attacker: each is refused with a one-line message naming the file. */
class HostileModelFilesTest {

    @TempDir
    Path dir;

    private Map<String, byte[]> good;
    private String card;

    @BeforeEach
    void trainOne() throws IOException {
        Path file = dir.resolve("good.twinmodel");
        ModelBundle.write(ModelTrainer.train(ModelTrainingTest.planted(1, 300),
                ModelTrainingTest.options(Algorithm.LOGISTIC, 1)), file);
        good = BadModelFiles.entries(file);
        card = new String(good.get("model.json"), StandardCharsets.UTF_8);
    }

    /** A bundle whose card records the SHA-256 of {@code fitted}, so only the allow-list stands in the way. */
    private Path consistentBundle(String name, byte[] fitted) throws IOException {
        String evilCard = card.replaceFirst("\"sha256\" : \"[0-9a-f]{64}\"\n  }\n}",
                "\"sha256\" : \"" + org.twinbench.data.Sha256.of(fitted) + "\"\n  }\n}");
        assertThat(evilCard).isNotEqualTo(card);
        Path file = dir.resolve(name);
        BadModelFiles.zip(file, BadModelFiles.consistent(evilCard, fitted));
        return file;
    }

    private static void refused(Path file, String... fragments) {
        assertThatThrownBy(() -> ModelFiles.load(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContainingAll(fragments)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void gadgetInsideAllowedCollectionNeverRunsItsReadObject() throws IOException {
        Set<Object> payload = new HashSet<>();
        payload.add(new GadgetProbe());
        Path file = consistentBundle("gadget.twinmodel", BadModelFiles.serialise(payload));
        int before = GadgetProbe.triggered;
        refused(file, "not allowed", GadgetProbe.class.getName(), "refused");
        assertThat(GadgetProbe.triggered).isEqualTo(before);
    }

    @Test
    void foreignClassIsRefusedByNameBeforeAnyClassLoaderIsAsked() throws IOException {
        // The stream names a class that exists nowhere: if TwinBench asked a class loader for it, the
        // answer would be ClassNotFoundException ("not a readable model"); refusing it as "not allowed"
        // shows the name was checked first.
        byte[] stream = BadModelFiles.serialise(new GadgetProbe());
        String real = GadgetProbe.class.getName();
        String absent = ("com.attacker.Payload" + "x".repeat(real.length())).substring(0, real.length());
        byte[] renamed = new String(stream, StandardCharsets.ISO_8859_1).replace(real, absent)
                .getBytes(StandardCharsets.ISO_8859_1);
        refused(consistentBundle("absent-class.twinmodel", renamed), "not allowed", absent);
    }

    @Test
    void absoluteAndBackslashEntryPathsAreRefused() throws IOException {
        for (String name : List.of("/tmp/model.json", "..\\..\\model.json", "sub/model.json")) {
            Path file = dir.resolve("slip.twinmodel");
            BadModelFiles.zip(file, Map.of(name, good.get("model.json"), "model.bin", good.get("model.bin")));
            refused(file, "'" + name + "'");
            assertThat(Path.of("/tmp/model.json")).as("nothing extracted").doesNotExist();
        }
    }

    @Test
    void cardThatInflatesPastItsLimitIsRefusedWhileInflating() throws IOException {
        // 64 MiB of zeros deflate to ~64 KiB: the ratio refuses it after its first megabyte.
        Path file = dir.resolve("bomb.twinmodel");
        BadModelFiles.zip(file, Map.of("model.json", new byte[64 << 20], "model.bin", good.get("model.bin")));
        assertThat(Files.size(file)).isLessThan(1 << 20);
        refused(file, "'model.json' inflates to more than 100 times its compressed size", "refused");
        // Random bytes do not compress: then the 16 MiB limit on the inflated card refuses it.
        byte[] noise = new byte[17 << 20];
        new java.util.Random(5).nextBytes(noise);
        BadModelFiles.zip(file, Map.of("model.json", noise, "model.bin", good.get("model.bin")));
        refused(file, "'model.json' inflates past 16 MiB", "refused");
    }

    @Test
    void hugeFilesAreRefusedBeforeReading() throws IOException {
        for (String name : List.of("huge.twinmodel", "huge.onnx")) {
            Path file = dir.resolve(name);
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength((1L << 30) + 1); // sparse: takes no disk space
            }
            refused(file, "larger than 1024 MiB");
        }
    }

    @Test
    void truncatedAndGarbledOnnxAreRefused() throws IOException {
        byte[] onnx = Files.readAllBytes(Path.of("sample-data", "loans-logistic.onnx"));
        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, java.util.Arrays.copyOf(onnx, onnx.length / 2));
        refused(truncated, "not a usable ONNX model");
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        refused(empty, "not a usable ONNX model");
    }

    @Test
    void entryNameThatIsNotUtf8IsRefusedNotCrashed() throws IOException {
        // Found by FuzzProperties: ZipInputStream throws IllegalArgumentException for such a name.
        Path file = dir.resolve("latin1-name.twinmodel");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file),
                StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mod\u00e9l.json"));
            zip.write(good.get("model.json"));
            zip.closeEntry();
        }
        refused(file, "not a readable model bundle");
    }
}
