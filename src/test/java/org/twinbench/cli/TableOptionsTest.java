package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --data}, {@code --label}, {@code --positive} and {@code --threshold} are one option each, whichever command
 * takes them ({@link TableOptions}): the same name, label and help everywhere, and the same one-line refusal, exit 2.
 */
class TableOptionsTest {

    @TempDir
    Path dir;

    /** The commands that take each shared option. */
    static final Map<String, List<String>> TAKERS = Map.of(
            "--data", List.of("metrics", "slices", "score", "train", "quality"),
            "--label", List.of("metrics", "slices"),
            "--positive", List.of("metrics", "slices", "train"),
            "--threshold", List.of("metrics", "slices", "score"));

    @Test
    void eachSharedOptionHasOneNameLabelAndHelpInEveryCommand() {
        CommandLine cli = TwinBenchCommand.commandLine();
        TAKERS.forEach((name, commands) -> {
            List<String> helps = commands.stream().map(c -> help(cli, c, name)).distinct().toList();
            assertThat(helps).as(name + " in " + commands).hasSize(1);
            assertThat(helps.get(0)).startsWith(name + " ").doesNotContain("null");
        });
        assertThat(help(cli, "slices", "--threshold"))
                .isEqualTo("--threshold T: Scores at or above T predict the positive label (default: 0.5).");
        assertThat(help(cli, "metrics", "--data")).isEqualTo("--data FILE: CSV/TSV or .xlsx table.");
    }

    private static String help(CommandLine cli, String command, String option) {
        OptionSpec spec = cli.getSubcommands().get(command).getCommandSpec().findOption(option);
        assertThat(spec).as(command + " " + option).isNotNull();
        return option + " " + spec.paramLabel() + ": "
                + String.join(" ", spec.description()).replace("${DEFAULT-VALUE}", String.valueOf(spec.defaultValue()));
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefusedAlikeByEveryCommand() throws Exception {
        Path data = dir.resolve("t.csv");
        Files.writeString(data, "y,s\n1,0.9\n0,0.2\n");
        List<String[]> calls = List.of(
                new String[] {"metrics", "--data", data.toString(), "--label", "y", "--score", "s", "--threshold", "1.5"},
                new String[] {"slices", "--data", data.toString(), "--label", "y", "--score", "s", "--threshold", "1.5"},
                new String[] {"score", "--model", dir.resolve("m.twinmodel").toString(), "--data", data.toString(),
                    "--out", dir.resolve("o.csv").toString(), "--threshold", "1.5"});
        for (String[] call : calls) {
            CliRunner r = CliRunner.run(call);
            assertThat(r.exitCode()).as(call[0] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(call[0]).endsWith("--threshold must be between 0 and 1, not 1.5")
                    .doesNotContain("Exception").hasLineCount(1);
        }
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    }

    @Test
    void aTableWithAHeaderAndNoRowsIsRefusedAlikeByEveryCommand() throws Exception {
        Path data = dir.resolve("empty.csv");
        Files.writeString(data, "y,s\n");
        List<String[]> calls = List.of(
                new String[] {"metrics", "--data", data.toString(), "--label", "y", "--score", "s"},
                new String[] {"slices", "--data", data.toString(), "--label", "y", "--score", "s"},
                new String[] {"train", "--data", data.toString(), "--target", "y", "--out",
                    dir.resolve("m.twinmodel").toString()},
                new String[] {"quality", "--data", data.toString()});
        for (String[] call : calls) {
            CliRunner r = CliRunner.run(call);
            assertThat(r.exitCode()).as(call[0] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(call[0]).endsWith(data + ": has a header but no data rows")
                    .hasLineCount(1);
        }
    }
}
