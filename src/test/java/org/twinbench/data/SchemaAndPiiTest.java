package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaAndPiiTest {

    @TempDir
    Path dir;

    private Dataset people() throws IOException {
        StringBuilder text = new StringBuilder("customer_id,Full Name,contact,mobile,ssn,signup,plan,spend,churned\n");
        String[] first = {"Ann", "Bob", "Cid", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jon"};
        String[] last = {"Smith", "Jones", "Brown", "Taylor", "Wilson"};
        for (int i = 0; i < 30; i++) {
            text.append("C").append(100 + i).append(',')
                    .append(first[i % 10]).append(' ').append(last[i % 5]).append(i).append(',')
                    .append("user").append(i).append("@example.com,")
                    .append("+44 7700 9").append(String.format("%05d", i)).append(',')
                    .append(String.format("%03d-%02d-%04d", 100 + i, 10 + i, 1000 + i)).append(',')
                    .append("2024-01-").append(String.format("%02d", 1 + i % 28)).append(',')
                    .append(i % 3 == 0 ? "pro" : "basic").append(',')
                    .append(10 + i).append(',')
                    .append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("people.csv");
        Files.writeString(file, text);
        return TableLoader.load(file);
    }

    @Test
    void rolesAreProposedOnLoad() throws IOException {
        Schema schema = Schema.infer(people(), "churned");
        assertThat(schema.role("customer_id")).isEqualTo(ColumnRole.ID);
        assertThat(schema.role("Full Name")).isEqualTo(ColumnRole.PII);
        assertThat(schema.role("contact")).isEqualTo(ColumnRole.PII);
        assertThat(schema.role("mobile")).isEqualTo(ColumnRole.PII);
        assertThat(schema.role("ssn")).isEqualTo(ColumnRole.PII);
        assertThat(schema.role("signup")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(schema.role("churned")).isEqualTo(ColumnRole.TARGET);
        assertThat(schema.features()).containsExactly("plan", "spend");
        assertThat(schema.find("contact").orElseThrow().pii()).isEqualTo(PiiKind.EMAIL);
        assertThat(schema.find("mobile").orElseThrow().pii()).isEqualTo(PiiKind.PHONE);
        assertThat(schema.find("ssn").orElseThrow().pii()).isEqualTo(PiiKind.NATIONAL_ID);
        assertThat(schema.find("Full Name").orElseThrow().pii()).isEqualTo(PiiKind.NAME);
    }

    @Test
    void piiIsRecognisedFromValuesAloneUnderNeutralNames() {
        String[] emails = new String[25];
        String[] phones = new String[25];
        String[] ids = new String[25];
        for (int i = 0; i < 25; i++) {
            emails[i] = "p" + i + "@mail.org";
            phones[i] = "(555) 010-" + (1000 + i);
            ids[i] = "AB 12 34 " + (10 + i) + " C";
        }
        assertThat(PiiDetector.detect(CategoricalColumn.of("c1", emails))).isEqualTo(PiiKind.EMAIL);
        assertThat(PiiDetector.detect(CategoricalColumn.of("c2", phones))).isEqualTo(PiiKind.PHONE);
        assertThat(PiiDetector.detect(CategoricalColumn.of("c3", ids))).isEqualTo(PiiKind.NATIONAL_ID);
        assertThat(PiiDetector.detect(CategoricalColumn.of("product_name", emails.clone()))).isEqualTo(PiiKind.EMAIL);
        assertThat(PiiDetector.detect(CategoricalColumn.of("region", new String[] {"north", "south"}))).isNull();
        assertThat(PiiDetector.detect(CategoricalColumn.of("product_name", new String[] {"basic", "pro"}))).isNull();
        assertThat(PiiDetector.detect(new NumericColumn("monthly_spend", new double[] {1, 2}))).isNull();
    }

    @Test
    void maskingKeepsShapeButNotThePerson() {
        assertThat(Masking.mask(PiiKind.EMAIL, "jane.doe@example.com")).isEqualTo("j***@example.com");
        assertThat(Masking.mask(PiiKind.PHONE, "+1 (555) 123-4567")).isEqualTo("***67");
        assertThat(Masking.mask(PiiKind.NATIONAL_ID, "123-45-6789")).isEqualTo("***89");
        assertThat(Masking.mask(PiiKind.NAME, "jane van Doe")).isEqualTo("J. V. D.");
    }

    @Test
    void maskedFrameMasksOnlyPiiColumns() throws IOException {
        Dataset dataset = people();
        Schema schema = Schema.infer(dataset, "churned");
        Frame masked = Masking.masked(dataset.frame(), schema);
        assertThat(masked.categorical("contact").get(3)).isEqualTo("u***@example.com");
        assertThat(masked.categorical("Full Name").get(0)).isEqualTo("A. S.");
        assertThat(masked.categorical("plan").get(0)).isEqualTo("pro");
        assertThat(masked.numeric("spend").get(1)).isEqualTo(11.0);
    }

    @Test
    void userCanChangeRolesAndTheTargetMoves() throws IOException {
        Schema schema = Schema.infer(people(), "churned").withRole("plan", ColumnRole.SLICE)
                .withRole("spend", ColumnRole.TARGET);
        assertThat(schema.withRole(ColumnRole.SLICE)).containsExactly("plan");
        assertThat(schema.target()).contains("spend");
        assertThat(schema.role("churned")).isEqualTo(ColumnRole.FEATURE);
        assertThatThrownBy(() -> schema.withRole("nope", ColumnRole.ID)).hasMessageContaining("'nope'");
    }

    @Test
    void unknownTargetIsNamed() throws IOException {
        Dataset dataset = people();
        assertThatThrownBy(() -> Schema.infer(dataset, "label")).isInstanceOf(DataException.class)
                .hasMessageContainingAll("people.csv", "'label'");
    }

    @Test
    void schemaHashFollowsNamesAndKinds() throws IOException {
        Dataset dataset = people();
        assertThat(Schema.infer(dataset, "churned").hash()).isEqualTo(dataset.provenance().schemaHash());
    }
}
