package org.twinbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.twinbench.model.BadModelFiles;
import org.twinbench.model.OnnxBytes;

/**
 * Generated hostile files of the classes of issue 17, through the real command line: nested
 * collections of random kind and depth, zip bombs of random size and place, JSON of random depth,
 * number length and trailing content, ONNX external data at random places and paths. Each must be
 * refused (exit 2, one line naming the file, no trace, nothing written); the number tried and the
 * longest refusal per class are printed after the run.
 */
class HostileFuzzProperties {

    private static HostileRefusals refusals;

    private static Path work;
    private static Path data;
    private static String card;
    private static String scenario;
    private static String sidecar;

    @BeforeContainer
    static void setUp() throws IOException {
        work = Files.createTempDirectory("twinbench-hostile-fuzz");
        data = work.resolve("loans.csv");
        Files.write(data, Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 801));
        card = BadModelFiles.goodCard(work);
        scenario = Files.readString(Path.of("sample-data", "loans-recession.twin.json"));
        sidecar = Files.readString(Path.of("sample-data", "loans-logistic.onnx.json"));
        Files.copy(Path.of("sample-data", "loans-logistic.onnx"), work.resolve("m.onnx"));
        refusals = new HostileRefusals(work);
    }

    @AfterContainer
    static void report() throws IOException {
        refusals.close();
        System.out.print(refusals.report("hostile fuzz cases refused, per class"));
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static void refused(String kind, Path named, String... args) throws Exception {
        refusals.refused(kind, named.getFileName().toString(), args);
    }

    private static String[] score(Path model) {
        return new String[] {"score", "--model", model.toString(), "--data", data.toString(), "--out",
            work.resolve("scored.csv").toString()};
    }

    @Property(tries = 40, seed = "20261203")
    void nestedCollectionsOfAnyKindAndDepthAreRefused(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        int depth = 1 + random.nextInt(120);
        // Built top-down, as an attacker writes them: building them bottom-up would hash them here.
        byte[] payload = switch (random.nextInt(3)) {
            case 0 -> BadModelFiles.nestedSets(depth);
            case 1 -> BadModelFiles.nestedMaps(depth);
            default -> BadModelFiles.nestedLists(depth);
        };
        Path bundle = BadModelFiles.consistentBundle(work.resolve("nested.twinmodel"), card, payload);
        refused("nested collections", bundle, score(bundle));
        Files.delete(bundle);
    }

    @Property(tries = 10, seed = "20261203")
    void zipBombsOfAnySizeAndPlaceAreRefused(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Path bundle = BadModelFiles.binaryBomb(work.resolve("bomb.twinmodel"), card, 2 + random.nextInt(120),
                random.nextBoolean());
        refused("zip bombs", bundle, score(bundle));
        Files.delete(bundle);
    }

    @Property(tries = 40, seed = "20261203")
    void jsonOfAnyDepthNumberLengthOrTailIsRefusedOrRead(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        String poison = switch (random.nextInt(3)) {
            case 0 -> "[".repeat(65 + random.nextInt(20_000)) + "]".repeat(0);
            case 1 -> "1" + "0".repeat(64 + random.nextInt(5000));
            default -> "1, \"x\": " + "{\"a\":".repeat(65 + random.nextInt(5000)) + "1" + "}".repeat(5000);
        };
        boolean tail = random.nextBoolean();
        String kind = tail ? "JSON trailing content" : "JSON limits";
        if (random.nextBoolean()) {
            Path file = work.resolve("s.twin.json");
            Files.writeString(file, tail ? scenario + (random.nextBoolean() ? scenario : poison)
                    : scenario.replaceFirst("\"seed\" : 20261127", java.util.regex.Matcher.quoteReplacement(
                            "\"seed\" : 1, \"p\" : " + poison)));
            refused(kind, file, random.nextBoolean() ? new String[] {"validate", file.toString()}
                    : new String[] {"run", file.toString(), "--no-store", "--out", work.resolve("out").toString()});
            Files.delete(file);
        } else {
            Path file = work.resolve("m.onnx.json");
            Files.writeString(file, tail ? sidecar + "\n" + sidecar : "{\"note\": " + poison + "}");
            refused(kind, file, score(work.resolve("m.onnx")));
            Files.delete(file);
        }
    }

    @Property(tries = 60, seed = "20261203")
    void onnxExternalDataAnywhereIsRefused(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        String location = OnnxBytes.location(random);
        int place = random.nextInt(7);
        Path model = work.resolve("external.onnx");
        Files.write(model, OnnxBytes.model(OnnxBytes.externalTensor("w", location, location.isEmpty()
                || random.nextBoolean()), place, place >= 5 ? 0 : random.nextInt(4)));
        refused("ONNX external data", model, score(model));
        Files.delete(model);
    }
}
