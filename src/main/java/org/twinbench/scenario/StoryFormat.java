package org.twinbench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.twinbench.data.StrictJson;

/**
 * The {@code *.story.json} format of demo stories: {@code {"format": "twinbench.story", "version": 1,
 * "title": ..., "summary": ..., "chapters": [{"title", "narration", "scenario", "metric", "slices",
 * "steps_per_second"}]}}, described field by field in {@code docs/stories.md}. Read with the limits and
 * strictness of {@link StrictJson}; every problem is one line naming the file and the field. Scenario
 * paths are relative to the story file.
 */
public final class StoryFormat {

    public static final String FORMAT = "twinbench.story";
    public static final int VERSION = 1;

    /** The largest story file read. */
    public static final long MAX_BYTES = 1L << 20;

    /** The pace of a chapter that names none, in steps per second. */
    public static final double DEFAULT_STEPS_PER_SECOND = 10;

    private static final Set<String> STORY_KEYS = Set.of("format", "version", "title", "summary", "chapters");
    private static final Set<String> CHAPTER_KEYS = Set.of("title", "narration", "scenario", "metric", "slices",
            "steps_per_second");

    private StoryFormat() {
    }

    public static Story read(Path file) {
        JsonNode root = StrictJson.read(file, MAX_BYTES, ScenarioException::new);
        if (!root.isObject()) {
            throw new ScenarioException(file + ": a story must be a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new ScenarioException(file + ": not a TwinBench story (\"format\" must be \"" + FORMAT + "\")");
        }
        JsonNode version = root.path("version");
        if (!version.isMissingNode() && !version.canConvertToInt()) {
            throw new ScenarioException(file + ": \"version\" must be a whole number");
        }
        if (version.asInt(VERSION) > VERSION) {
            throw new ScenarioException(file + ": story format version " + version.asInt()
                    + " is newer than this TwinBench understands (" + VERSION + ")");
        }
        if (version.asInt(VERSION) < 1) {
            throw new ScenarioException(file + ": unknown story format version " + version.asInt());
        }
        String source = file.toString();
        unknownKeys(root, STORY_KEYS, source);
        JsonNode chapterList = root.path("chapters");
        if (!chapterList.isArray()) {
            throw new ScenarioException(file + ": \"chapters\" must be a list");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Story.Chapter> chapters = new ArrayList<>();
        int index = 0;
        for (JsonNode chapter : chapterList) {
            chapters.add(chapter(chapter, folder, file + ": chapters[" + index++ + "]"));
        }
        if (chapters.isEmpty()) {
            throw new ScenarioException(file + ": a story needs at least one chapter");
        }
        return new Story(text(root, "title", file.getFileName().toString(), source),
                text(root, "summary", "", source), chapters);
    }

    private static Story.Chapter chapter(JsonNode chapter, Path folder, String where) {
        if (!chapter.isObject()) {
            throw new ScenarioException(where + ": must be an object");
        }
        unknownKeys(chapter, CHAPTER_KEYS, where);
        String scenario = text(chapter, "scenario", "", where);
        if (scenario.isBlank()) {
            throw new ScenarioException(where + ": \"scenario\" is missing");
        }
        Path scenarioFile;
        try {
            scenarioFile = folder.resolve(scenario).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ScenarioException(where + ": \"scenario\" is not a usable file name");
        }
        if (!Files.isRegularFile(scenarioFile)) {
            throw new ScenarioException(where + ": \"scenario\": no such file " + scenarioFile);
        }
        JsonNode sliceList = chapter.path("slices");
        if (!sliceList.isMissingNode() && !sliceList.isArray()) {
            throw new ScenarioException(where + ": \"slices\" must be a list of slice names");
        }
        List<String> slices = new ArrayList<>();
        for (JsonNode slice : sliceList) {
            if (!slice.isTextual() || slice.asText().isBlank()) {
                throw new ScenarioException(where + ": \"slices\" must be a list of slice names");
            }
            slices.add(slice.asText());
        }
        JsonNode pace = chapter.path("steps_per_second");
        if (!pace.isMissingNode() && !pace.isNumber()) {
            throw new ScenarioException(where + ": \"steps_per_second\" must be a number");
        }
        double speed = pace.asDouble(DEFAULT_STEPS_PER_SECOND);
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new ScenarioException(where + ": \"steps_per_second\" must be more than 0");
        }
        String metric = text(chapter, "metric", "accuracy", where);
        if (metric.isBlank()) {
            throw new ScenarioException(where + ": \"metric\" must name a metric");
        }
        return new Story.Chapter(text(chapter, "title", "", where), text(chapter, "narration", "", where),
                scenarioFile, metric, slices, speed);
    }

    private static String text(JsonNode node, String key, String fallback, String where) {
        JsonNode value = node.path(key);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new ScenarioException(where + ": \"" + key + "\" must be text");
        }
        return value.asText();
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ScenarioException(where + ": unknown field \"" + name.replaceAll("\\p{Cntrl}", "?")
                        + "\" (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }
}
