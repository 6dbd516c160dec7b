package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits and strictness every JSON file TwinBench reads is held to; each problem names the file. */
class StrictJsonTest {

    @TempDir
    Path dir;

    private static JsonProblem refused(String text) {
        try {
            StrictJson.parse(text.getBytes(StandardCharsets.UTF_8), 1 << 20, "f.json", JsonProblem::new);
        } catch (JsonProblem e) {
            assertThat(e.getMessage()).startsWith("f.json").doesNotContain("\n").doesNotContain("StreamReadConstraints");
            return e;
        }
        throw new AssertionError("accepted: " + text.substring(0, Math.min(80, text.length())));
    }

    /** The exception a caller of {@link StrictJson} chooses; here a plain one. */
    static final class JsonProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JsonProblem(String message) {
            super(message);
        }
    }

    @Test
    void nestingPastTheLimitIsRefusedWithAPosition() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(refused(deep).getMessage()).matches("f\\.json:1:\\d+: not valid JSON: .*nesting depth.*");
        String objects = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertThat(refused(objects).getMessage()).contains("nesting depth");
        // Sixty-four levels are fine.
        assertThat(StrictJson.parse(("[".repeat(64) + "]".repeat(64)).getBytes(StandardCharsets.UTF_8), 1 << 20, "f",
                JsonProblem::new).isArray()).isTrue();
    }

    @Test
    void aNumberOfTwoThousandDigitsIsRefused() {
        assertThat(refused("{\"seed\": " + "9".repeat(2000) + "}").getMessage()).contains("Number value length");
        assertThat(refused("[1." + "5".repeat(2000) + "]").getMessage()).contains("Number value length");
        assertThat(refused("[1e" + "9".repeat(100) + "]").getMessage()).contains("f.json:1:");
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        for (String text : new String[] {"{\"a\": 1}{\"b\": 2}", "{\"a\": 1}\n{\"a\": 1}", "{} []", "{} garbage", "{}]",
            "{}\n\n  1"}) {
            assertThat(refused(text).getMessage()).contains("more content after the end of the JSON document");
        }
        assertThat(refused("{\"a\": 1}\n{\"b\": 2}").getMessage()).startsWith("f.json:2:");
        // Whitespace after the document is fine.
        assertThat(StrictJson.parse("{}\n\n \t".getBytes(StandardCharsets.UTF_8), 100, "f", JsonProblem::new).isObject())
                .isTrue();
    }

    @Test
    void aKeyTwiceInOneObjectEmptyTextAndLongDocumentsAreRefused() {
        assertThat(refused("{\"nodes\": [], \"nodes\": [1]}").getMessage()).contains("Duplicate field 'nodes'");
        assertThat(refused("").getMessage()).contains("empty");
        assertThat(refused("   ").getMessage()).contains("empty");
        assertThatThrownBy(() -> StrictJson.parse(new byte[2000], 1000, "f.json", JsonProblem::new))
                .hasMessage("f.json: larger than 1000 bytes; refused");
    }

    @Test
    void aFileThatIsNotRegularIsRefusedBeforeReading() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> StrictJson.read(fifo, 1000, JsonProblem::new))
                .hasMessage(fifo + ": is not a regular file (a named pipe, device or socket); TwinBench reads only "
                        + "ordinary files");
        assertThatThrownBy(() -> StrictJson.read(dir, 1000, JsonProblem::new)).hasMessage(dir + ": is a folder, not a file");
        assertThatThrownBy(() -> StrictJson.read(dir.resolve("none.json"), 1000, JsonProblem::new))
                .hasMessage(dir.resolve("none.json") + ": file not found");
        Path big = dir.resolve("big.json");
        Files.writeString(big, "[" + "1,".repeat(1000) + "1]");
        assertThatThrownBy(() -> StrictJson.read(big, 1024, JsonProblem::new)).hasMessage(big + ": larger than 1 KiB; refused");
    }
}
