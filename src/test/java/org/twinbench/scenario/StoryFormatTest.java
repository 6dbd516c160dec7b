package org.twinbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every field of {@code *.story.json} is checked, each problem one line naming the file and the field. */
class StoryFormatTest {

    @TempDir
    Path dir;

    private Path write(String chapter) throws IOException {
        Files.writeString(dir.resolve("talk.twin.json"), "{}");
        Path file = dir.resolve("talk.story.json");
        Files.writeString(file, "{\"format\": \"twinbench.story\", \"version\": 1, \"title\": \"Talk\", \"chapters\": ["
                + chapter + "]}");
        return file;
    }

    private void refused(String chapter, String message) throws IOException {
        Path file = write(chapter);
        assertThatThrownBy(() -> StoryFormat.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessage(file + ": " + message);
    }

    @Test
    void aCompleteChapterReadsWithItsScenarioBesideTheStory() throws IOException {
        Story story = StoryFormat.read(write("{\"title\": \"One\", \"narration\": \"Say this.\", \"scenario\": "
                + "\"talk.twin.json\", \"metric\": \"recall\", \"slices\": [\"overall\", \"region=west\"], "
                + "\"steps_per_second\": 2.5}"));
        assertThat(story.title()).isEqualTo("Talk");
        Story.Chapter chapter = story.chapters().get(0);
        assertThat(chapter.scenario()).isEqualTo(dir.resolve("talk.twin.json").toAbsolutePath());
        assertThat(chapter.metric()).isEqualTo("recall");
        assertThat(chapter.slices()).containsExactly("overall", "region=west");
        assertThat(chapter.stepsPerSecond()).isEqualTo(2.5);
    }

    @Test
    void leftOutFieldsTakeTheirDocumentedDefaults() throws IOException {
        Story.Chapter chapter = StoryFormat.read(write("{\"scenario\": \"talk.twin.json\"}")).chapters().get(0);
        assertThat(chapter.metric()).isEqualTo("accuracy");
        assertThat(chapter.slices()).isEmpty();
        assertThat(chapter.stepsPerSecond()).isEqualTo(10);
    }

    @Test
    void eachWrongFieldIsNamed() throws IOException {
        refused("{\"scenario\": \"talk.twin.json\", \"steps_per_sec\": 3}",
                "chapters[0]: unknown field \"steps_per_sec\" (known: metric, narration, scenario, slices, steps_per_second, title)");
        refused("{\"scenario\": \"talk.twin.json\", \"steps_per_second\": \"fast\"}",
                "chapters[0]: \"steps_per_second\" must be a number");
        refused("{\"scenario\": \"talk.twin.json\", \"steps_per_second\": 0}",
                "chapters[0]: \"steps_per_second\" must be more than 0");
        refused("{\"scenario\": \"talk.twin.json\", \"slices\": \"overall\"}",
                "chapters[0]: \"slices\" must be a list of slice names");
        refused("{\"scenario\": \"talk.twin.json\", \"slices\": [3]}",
                "chapters[0]: \"slices\" must be a list of slice names");
        refused("{\"scenario\": \"talk.twin.json\", \"title\": 7}", "chapters[0]: \"title\" must be text");
        refused("{\"narration\": \"x\"}", "chapters[0]: \"scenario\" is missing");
        refused("{\"scenario\": \"talk.twin.json\"}, 5", "chapters[1]: must be an object");
        refused("{\"scenario\": \"gone.twin.json\"}",
                "chapters[0]: \"scenario\": no such file " + dir.resolve("gone.twin.json").toAbsolutePath());
        refused("", "a story needs at least one chapter");
    }

    @Test
    void theStoryItselfIsChecked() throws IOException {
        Path file = dir.resolve("top.story.json");
        Files.writeString(file, "[1]");
        assertThatThrownBy(() -> StoryFormat.read(file)).hasMessage(file + ": a story must be a JSON object");
        Files.writeString(file, "{\"format\": \"twinbench.story\", \"chapters\": {}}");
        assertThatThrownBy(() -> StoryFormat.read(file)).hasMessage(file + ": \"chapters\" must be a list");
        Files.writeString(file, "{\"format\": \"twinbench.story\", \"version\": \"one\", \"chapters\": []}");
        assertThatThrownBy(() -> StoryFormat.read(file)).hasMessage(file + ": \"version\" must be a whole number");
        Files.writeString(file, "{\"format\": \"twinbench.story\", \"titel\": \"x\", \"chapters\": []}");
        assertThatThrownBy(() -> StoryFormat.read(file)).hasMessageStartingWith(file + ": unknown field \"titel\"");
        Files.writeString(file, "{\"format\": \"twinbench.story\", \"chapters\": [], \"chapters\": []}");
        assertThatThrownBy(() -> StoryFormat.read(file)).hasMessageStartingWith(file.toString())
                .hasMessageContaining("chapters");
    }
}
