package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo story "A smaller model for the device" run from the command line: the boosted teacher on the device,
 * then a depth-4 tree student in its place. {@code run.json}'s {@code deployment} puts accuracy, latency and size
 * side by side; the student's run measures its teacher on the same rows (the teacher's own run's accuracy, exactly)
 * and its means are those of {@code steps.csv}; the report has a Serving section.
 */
class DistillationRunTest {

    @Test
    void theStudentsRunComparesWithItsTeachersFigureByFigure(@TempDir Path dir) throws IOException {
        Path teacherOut = dir.resolve("teacher");
        Path studentOut = dir.resolve("student");
        CliRunner teacherRun = CliRunner.run("run", "sample-data/demos/edge-teacher.twin.json", "--out",
                teacherOut.toString());
        assertThat(teacherRun.exitCode()).as(teacherRun.err()).isIn(0, 1);
        CliRunner studentRun = CliRunner.run("run", "sample-data/demos/edge-student.twin.json", "--out",
                studentOut.toString());
        assertThat(studentRun.exitCode()).as(studentRun.err()).isIn(0, 1);
        assertThat(studentRun.err()).containsPattern("node serving: a small decision tree learnt from the "
                + "gradient-boosting model, served in its place: scores in \\d\\.\\d\\d of the time, agrees on "
                + "\\d+\\.\\d% of the [\\d,]+ rows it learnt from; [\\d,]+ bytes against [\\d,]+");

        ObjectMapper json = new ObjectMapper();
        JsonNode teacher = json.readTree(teacherOut.resolve("run.json").toFile()).get("deployment");
        JsonNode student = json.readTree(studentOut.resolve("run.json").toFile()).get("deployment");
        assertThat(teacher.get("served").asText()).isEqualTo("model");
        assertThat(student.get("served").asText()).isEqualTo("student");
        assertThat(teacher.get("model_bytes").asLong()).isEqualTo(Files.size(Path.of(
                "sample-data/loans-boosting.twinmodel")));
        assertThat(student.get("teacher_bytes").asLong()).isEqualTo(teacher.get("model_bytes").asLong());
        assertThat(student.get("model_bytes").asLong() * 10).isLessThan(teacher.get("model_bytes").asLong());
        // Same seed, same rows: the teacher measured beside its student is the teacher's own run.
        assertThat(student.get("teacher_accuracy").asDouble()).isCloseTo(teacher.get("accuracy").asDouble(),
                within(1e-12));
        assertThat(student.get("student_fidelity").asDouble()).isBetween(0.85, 1.0);
        assertThat(student.get("student_us_per_row").asDouble()).isPositive();
        assertThat(student.get("teacher_us_per_row").asDouble()).isPositive();
        // Latency: the stated service time scaled by the measured ratio of the two scoring times.
        assertThat(teacher.get("latency_p50_ms").asDouble()).isCloseTo(34.0, within(2.0));

        List<String> steps = Files.readAllLines(studentOut.resolve("steps.csv"));
        assertThat(student.get("student_fidelity").asDouble()).isCloseTo(mean(steps, "student_fidelity"),
                within(1e-12));
        assertThat(student.get("accuracy").asDouble()).isCloseTo(mean(steps, "accuracy"), within(1e-12));
        String html = Files.readString(studentOut.resolve("report.html"));
        assertThat(html).contains("<h2>Serving</h2>").contains("<title>student and teacher</title>")
                .contains("agreement with the teacher (mean)");
    }

    private static double mean(List<String> steps, String measure) {
        return steps.stream().filter(l -> l.startsWith("0,") && l.contains(",overall," + measure + ","))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[4])).average().orElseThrow();
    }
}
