package org.twinbench.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A demo story for trainers: a title and chapters, each a scenario to run with the narration to read
 * while it plays.
 *
 * @param title shown on the presenter screen
 * @param summary one sentence for the story list
 * @param chapters in playing order
 */
public record Story(String title, String summary, List<Chapter> chapters) {

    public Story {
        chapters = List.copyOf(chapters);
    }

    /**
     * One chapter.
     *
     * @param title the chapter's heading
     * @param narration what the presenter says (shown large beside the chart)
     * @param scenario the scenario file, resolved against the story's folder
     * @param metric the metric the chart shows, e.g. {@code accuracy}
     * @param slices the curves to show ({@code overall}, {@code region=west}, ...); empty shows all
     * @param stepsPerSecond the watching pace
     */
    public record Chapter(String title, String narration, Path scenario, String metric, List<String> slices,
                          double stepsPerSecond) {

        public Chapter {
            slices = List.copyOf(slices);
        }
    }
}
