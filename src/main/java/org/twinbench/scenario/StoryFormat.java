package org.twinbench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.StrictJson;

/**
 * The {@code *.story.json} format of demo stories: {@code {"format": "twinbench.story", "version": 1,
 * "title": ..., "summary": ..., "chapters": [{"title", "narration", "scenario", "metric", "slices",
 * "steps_per_second"}]}}. Scenario paths are relative to the story file.
 */
public final class StoryFormat {

    public static final String FORMAT = "twinbench.story";
    public static final int VERSION = 1;

    /** The largest story file read. */
    public static final long MAX_BYTES = 1L << 20;

    private StoryFormat() {
    }

    public static Story read(Path file) {
        JsonNode root = StrictJson.read(file, MAX_BYTES, ScenarioException::new);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new ScenarioException(file + ": not a TwinBench story (\"format\" must be \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(0) > VERSION) {
            throw new ScenarioException(file + ": story format version " + root.path("version").asInt()
                    + " is newer than this TwinBench understands (" + VERSION + ")");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Story.Chapter> chapters = new ArrayList<>();
        int index = 0;
        for (JsonNode chapter : root.path("chapters")) {
            String where = file + ": chapters[" + index++ + "]";
            String scenario = chapter.path("scenario").asText("");
            if (scenario.isBlank()) {
                throw new ScenarioException(where + ": \"scenario\" is missing");
            }
            List<String> slices = new ArrayList<>();
            chapter.path("slices").forEach(slice -> slices.add(slice.asText()));
            double speed = chapter.path("steps_per_second").asDouble(10);
            if (!(speed > 0)) {
                throw new ScenarioException(where + ": \"steps_per_second\" must be more than 0");
            }
            chapters.add(new Story.Chapter(chapter.path("title").asText(""), chapter.path("narration").asText(""),
                    folder.resolve(scenario).normalize(), chapter.path("metric").asText("accuracy"), slices, speed));
        }
        if (chapters.isEmpty()) {
            throw new ScenarioException(file + ": a story needs at least one chapter");
        }
        return new Story(root.path("title").asText(file.getFileName().toString()), root.path("summary").asText(""),
                chapters);
    }
}
