package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the command line on hostile inputs and holds each refusal to issue 17's contract: exit 2, one
 * line on stderr holding what it must name, no stack trace, no control character, no file written
 * under the work folder. Counts the inputs and keeps the longest refusal per class of input; a
 * command still running after a minute fails (a named pipe read for ever would otherwise block the build).
 */
final class HostileRefusals implements AutoCloseable {

    private final Path work;
    private final Map<String, long[]> byKind = new TreeMap<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "hostile-input");
        thread.setDaemon(true);
        return thread;
    });

    HostileRefusals(Path work) {
        this.work = work;
    }

    CliRunner refused(String kind, String named, String... args) throws Exception {
        Set<String> before = files();
        long start = System.nanoTime();
        Future<CliRunner> running = runner.submit(() -> CliRunner.run(args));
        CliRunner result;
        try {
            result = running.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return fail("%s: still running after a minute: %s", kind, String.join(" ", args));
        }
        long took = System.nanoTime() - start;
        synchronized (byKind) {
            byKind.merge(kind, new long[] {1, took}, (a, b) -> new long[] {a[0] + b[0], Math.max(a[1], b[1])});
        }
        String err = result.err().strip();
        assertThat(result.exitCode()).as("%s: %s%n%s", kind, String.join(" ", args), err).isEqualTo(2);
        assertThat(err).as(kind).contains(named).doesNotContain("\n").doesNotContain("internal error")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContainPattern("\\p{Cntrl}");
        assertThat(files()).as("%s: nothing written", kind).isEqualTo(before);
        return result;
    }

    private Set<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            return files.map(Path::toString).collect(Collectors.toSet());
        }
    }

    /** "title", then per class: inputs tried and the longest refusal in milliseconds. */
    String report(String title) {
        StringBuilder out = new StringBuilder(title).append(" (inputs tried, longest refusal):\n");
        long inputs = 0;
        for (Map.Entry<String, long[]> entry : byKind.entrySet()) {
            out.append(String.format("  %-32s %3d inputs, longest %5d ms%n", entry.getKey(), entry.getValue()[0],
                    entry.getValue()[1] / 1_000_000));
            inputs += entry.getValue()[0];
        }
        return out.append("  in all ").append(inputs).append(" inputs\n").toString();
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
