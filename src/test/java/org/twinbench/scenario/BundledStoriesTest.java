package org.twinbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BundledSamples;

class BundledStoriesTest {

    @TempDir
    Path dir;

    @Test
    void everyBundledStoryReadsAndEveryChapterScenarioIsValid() throws IOException {
        Path samples = BundledSamples.extractTo(dir);
        assertThat(BundledSamples.STORIES).hasSizeGreaterThanOrEqualTo(3);
        for (String file : BundledSamples.STORIES) {
            Story story = StoryFormat.read(samples.resolve(file));
            assertThat(story.chapters()).as(file).isNotEmpty();
            for (Story.Chapter chapter : story.chapters()) {
                assertThat(chapter.narration()).as(file + " narration").hasSizeGreaterThan(80);
                assertThat(Files.exists(chapter.scenario())).as(chapter.scenario().toString()).isTrue();
                assertThat(ScenarioValidator.problems(ScenarioFormat.read(chapter.scenario()))).as(chapter.title())
                        .isEmpty();
            }
        }
    }

    @Test
    void aNewerStoryVersionIsRefused() throws IOException {
        Path file = dir.resolve("future.story.json");
        Files.writeString(file, "{\"format\": \"twinbench.story\", \"version\": 7, \"chapters\": []}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoryFormat.read(file))
                .hasMessageContaining("future.story.json").hasMessageContaining("version 7");
    }
}
