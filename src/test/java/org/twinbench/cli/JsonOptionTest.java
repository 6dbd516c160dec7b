package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --json} is the one mixin: same option, same help, same printing. */
class JsonOptionTest {

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void everyJsonOptionComesFromTheMixin() {
        List<CommandLine> all = new ArrayList<>();
        collect(TwinBenchCommand.commandLine(), all);
        List<String> withJson = new ArrayList<>();
        for (CommandLine command : all) {
            CommandLine.Model.OptionSpec option = command.getCommandSpec().findOption("--json");
            if (option == null) {
                continue;
            }
            withJson.add(command.getCommandSpec().qualifiedName(" "));
            Map<String, CommandLine.Model.CommandSpec> mixins = command.getCommandSpec().mixins();
            assertThat(mixins.values()).as(command.getCommandName())
                    .anySatisfy(m -> assertThat(m.userObject()).isInstanceOf(JsonOption.class));
            assertThat(option.description()).containsExactly("Print the result as JSON on stdout instead of text.");
        }
        assertThat(withJson).containsExactlyInAnyOrder("twinbench metrics", "twinbench bench", "twinbench drift",
                "twinbench detect", "twinbench train", "twinbench score", "twinbench export-model", "twinbench run",
                "twinbench runs list", "twinbench slices", "twinbench validate", "twinbench quality", "twinbench robustness");
    }

    @Test
    void helpShowsTheOneDescription() {
        CliRunner result = CliRunner.run("detect", "--help");
        assertThat(result.out()).contains("--json", "Print the result as JSON on stdout instead of text.");
    }
}
