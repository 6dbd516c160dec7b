package org.twinbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Test resources copied where a scenario reads them. */
public final class TestResources {

    private TestResources() {
    }

    /** Copies each of {@code names} from resource folder {@code folder} (e.g. {@code /onnx-exported/}) into {@code dir}. */
    public static void copy(String folder, Path dir, String... names) {
        for (String name : names) {
            try {
                Path from = Path.of(TestResources.class.getResource(folder + name).toURI());
                Files.copy(from, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalArgumentException("no test resource " + folder + name, e);
            }
        }
    }
}
