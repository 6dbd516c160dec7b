package org.twinbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.ScenarioCheck;

/**
 * Scenario and story files made to break the parser or hang the reader: deep nesting, numbers of
 * thousands of digits, a second document after the first, a NUL in a file name, a named pipe. Each
 * is refused with one line naming the file.
 */
class HostileScenarioFilesTest {

    @TempDir
    Path dir;

    private static String sample() throws IOException {
        return Files.readString(Path.of("sample-data", "loans-recession.twin.json"));
    }

    private void refused(String name, String text, String... fragments) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        assertThatThrownBy(() -> ScenarioFormat.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContainingAll(fragments)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void deepNestingAndLongNumbersAreRefusedNamingTheFile() throws IOException {
        String scenario = sample();
        refused("deep.twin.json", scenario.replaceFirst("\"seed\" : 20261127", "\"seed\" : 7, \"x\": " + "[".repeat(5000)
                + "]".repeat(5000)), "not valid JSON", "nesting depth");
        refused("digits.twin.json", scenario.replaceFirst("\"seed\" : 20261127", "\"seed\" : " + "7".repeat(2000)),
                "not valid JSON", "Number value length (2000)");
        refused("param-digits.twin.json", scenario.replace("\"batch_size\" : 500", "\"batch_size\" : 5" + "0".repeat(1999)),
                "Number value length");
    }

    @Test
    void aSecondDocumentOrTrailingTextIsRefused() throws IOException {
        String scenario = sample();
        refused("two.twin.json", scenario + scenario, "more content after the end of the JSON document");
        refused("tail.twin.json", scenario + "\n// a comment\n", "more content after the end");
        refused("bracket.twin.json", scenario + "]", "more content after the end");
        refused("duplicate.twin.json", scenario.replaceFirst("\\{", "{\"nodes\": [],"), "Duplicate field 'nodes'");
    }

    @Test
    void aStoryIsHeldToTheSameLimits() throws IOException {
        Path story = dir.resolve("deep.story.json");
        Files.writeString(story, "{\"format\": \"twinbench.story\", \"chapters\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThatThrownBy(() -> StoryFormat.read(story)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(story.toString()).hasMessageContaining("nesting depth");
        Files.writeString(story, "{\"format\": \"twinbench.story\", \"version\": 1" + "1".repeat(2000) + "}");
        assertThatThrownBy(() -> StoryFormat.read(story)).hasMessageStartingWith(story.toString())
                .hasMessageContaining("Number value length");
        Files.writeString(story, "{\"format\": \"twinbench.story\", \"chapters\": []}{}");
        assertThatThrownBy(() -> StoryFormat.read(story)).hasMessageContaining("more content after the end");
    }

    @Test
    void aNulInAFileNameIsAProblemOfItsNode() throws IOException {
        Scenario scenario = ScenarioFormat.parse(sample().replace("\"path\" : \"loans.csv\"", "\"path\" : \"loans\\u0000.csv\""),
                "nul.twin.json");
        assertThat(ScenarioValidator.problems(scenario)).containsExactly(
                "node loans: parameter 'path' holds a NUL character; no file can be named so");
    }

    @Test
    void aNamedPipeIsRefusedAsScenarioAndAsTheFileAScenarioNames() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.twin.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> ScenarioFormat.read(fifo)).hasMessage(fifo
                + ": is not a regular file (a named pipe, device or socket); TwinBench reads only ordinary files");
        Path data = dir.resolve("loans.csv");
        assertThat(new ProcessBuilder("mkfifo", data.toString()).start().waitFor()).isZero();
        Scenario scenario = ScenarioFormat.parse(sample(), "s");
        assertThat(ScenarioCheck.check(scenario, dir).lines()).containsExactly("node loans (source.dataset) parameter"
                + " path: " + data + ": is not a regular file (a named pipe, device or socket); TwinBench reads only"
                + " ordinary files");
        Files.delete(data);
        assertThat(ScenarioCheck.check(scenario, dir).lines()).containsExactly("node loans (source.dataset) parameter"
                + " path: " + data + ": file not found");
        Files.copy(Path.of("sample-data", "loans.csv"), data);
        assertThat(ScenarioCheck.check(scenario, dir).lines()).isEqualTo(List.of());
    }
}
