package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.ScenarioCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code validate}: checks that {@code run} will start, without running: every problem at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check that a scenario will run; prints one line per problem, naming the node, parameter and"
                + " column.",
                "Compiles the scenario against its data (the header and first rows of each data file) and its model"
                        + " files, as run does before its first step."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO", description = "A *.twin.json file.")
    Path scenarioFile;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioFormat.read(scenarioFile);
        ScenarioCheck.Report report = ScenarioCheck.check(scenario, scenarioFile.toAbsolutePath().getParent());
        if (json.enabled()) {
            ObjectNode tree = Json.object();
            ArrayNode problems = tree.putArray("problems");
            for (ScenarioCheck.Problem problem : report.problems()) {
                ObjectNode one = problems.addObject();
                one.put("node", problem.node());
                one.put("parameter", problem.parameter());
                one.put("column", problem.column());
                one.put("message", problem.message());
            }
            json.print(tree);
        }
        if (report.runnable() && !json.enabled()) {
            PrintWriter out = json.out();
            out.println(TerminalText.oneLine(scenarioFile.toString()) + ": valid (" + scenario.nodes().size()
                    + " nodes, " + scenario.edges().size() + " edges)");
            out.flush();
        }
        if (report.runnable()) {
            return TwinBenchCommand.OK;
        }
        PrintWriter err = json.err();
        for (String problem : report.lines()) {
            err.println(TerminalText.oneLine(scenarioFile + ": " + problem));
        }
        err.flush();
        return TwinBenchCommand.BAD_INPUT;
    }
}
