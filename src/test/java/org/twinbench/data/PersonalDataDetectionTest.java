package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Personal data is found in mostly-personal columns (placeholders such as "unknown" left out of the
 * share), and by specific column names, never by a word inside an unrelated name; masks hide the
 * length of what they hide.
 */
class PersonalDataDetectionTest {

    /** {@code n} values, {@code share} of them addresses (of varying lengths), the rest {@code other}. */
    private static CategoricalColumn column(String name, int n, double share, String... other) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < share * n ? "person" + "x".repeat(i % 7) + i + "@example.com" : other[i % other.length];
        }
        return CategoricalColumn.of(name, values);
    }

    @Test
    void aColumnOfThreeQuartersAddressesAndTheRestUnknownIsEmail() {
        assertThat(PiiDetector.detect(column("contact", 2000, 0.75, "unknown"))).isEqualTo(PiiKind.EMAIL);
        assertThat(PiiDetector.detect(column("c", 2000, 0.75, "n/a", "none", "-", "Unknown"))).isEqualTo(PiiKind.EMAIL);
        // Mostly addresses among real values: 60% addresses, 40% free text.
        assertThat(PiiDetector.detect(column("c", 1000, 0.6, "see notes", "ask branch", "tbc later"))).isEqualTo(PiiKind.EMAIL);
        // Addresses as a minority of real values under a neutral name are not flagged.
        assertThat(PiiDetector.detect(column("c", 1000, 0.4, "see notes", "ask branch", "tbc later"))).isNull();
        // Only placeholders: nothing to judge by values.
        assertThat(PiiDetector.detect(CategoricalColumn.of("c", new String[] {"unknown", "n/a", "unknown"}))).isNull();
    }

    @Test
    void specificNamesAreFlaggedAndWordsInsideOtherNamesAreNot() {
        String[] values = {"a1", "b2", "c3", "d4"};
        Map<String, PiiKind> named = Map.of("email", PiiKind.EMAIL, "customer_email", PiiKind.EMAIL,
                "E-mail", PiiKind.EMAIL, "Email Address", PiiKind.EMAIL, "contactEmail", PiiKind.EMAIL,
                "phone_number", PiiKind.PHONE, "Telephone", PiiKind.PHONE, "mobile", PiiKind.PHONE,
                "ssn", PiiKind.NATIONAL_ID, "passport_number", PiiKind.NATIONAL_ID);
        named.forEach((name, kind) ->
                assertThat(PiiDetector.detect(CategoricalColumn.of(name, values))).as(name).isEqualTo(kind));
        for (String name : List.of("voice_mail_plan", "Voice mail plan", "email_opt_in", "emails_sent", "PhoneService",
                "number_vmail_messages", "mail_campaign_response", "phone_calls_last_month", "mobile_app_user",
                "sin_of_angle", "tel_aviv_branch", "own_telephone", "has_email", "num_phones", "verified_email")) {
            assertThat(PiiDetector.detect(CategoricalColumn.of(name, values))).as(name).isNull();
        }
        // A yes/no column says whether, not who, whatever its name.
        for (String name : List.of("own_telephone", "phone", "email")) {
            assertThat(PiiDetector.detect(CategoricalColumn.of(name, new String[] {"yes", "no", "no"}))).as(name).isNull();
            assertThat(PiiDetector.detect(new NumericColumn(name, new double[] {0, 1, 1}))).as(name).isNull();
        }
        assertThat(PiiDetector.detect(new NumericColumn("phone", new double[] {5550100, 5550101, 5550102})))
                .isEqualTo(PiiKind.PHONE);
    }

    @Test
    void headersOfPublicDataSetsAreNotFlaggedByNameExceptTheirNames() {
        // Telco customer churn (IBM), churn-bigml-80 (Orange telecom), Adult census income, Titanic,
        // German credit and bank marketing (UCI): only Titanic's "Name" holds personal data.
        List<String> headers = List.of("customerID", "gender", "SeniorCitizen", "Partner", "Dependents", "tenure",
                "PhoneService", "MultipleLines", "InternetService", "OnlineSecurity", "OnlineBackup", "DeviceProtection",
                "TechSupport", "StreamingTV", "StreamingMovies", "Contract", "PaperlessBilling", "PaymentMethod",
                "MonthlyCharges", "TotalCharges", "Churn", "State", "Account length", "Area code", "International plan",
                "Voice mail plan", "Number vmail messages", "Total day minutes", "Total day calls", "Total day charge",
                "Total eve minutes", "Total night calls", "Total intl calls", "Customer service calls", "age", "workclass",
                "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship", "race", "sex",
                "capital-gain", "capital-loss", "hours-per-week", "native-country", "income", "PassengerId", "Survived",
                "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket", "Fare", "Cabin", "Embarked",
                "checking_status", "duration", "credit_history", "purpose", "credit_amount", "savings_status",
                "employment", "installment_commitment", "personal_status", "other_parties", "residence_since",
                "property_magnitude", "other_payment_plans", "housing", "existing_credits", "job", "num_dependents",
                "own_telephone", "foreign_worker", "class", "marital", "default", "balance", "loan", "contact", "day",
                "month", "campaign", "pdays", "previous", "poutcome");
        List<String> flagged = new ArrayList<>();
        for (String header : headers) {
            if (PiiDetector.detect(CategoricalColumn.of(header, new String[] {"a", "b", "c"})) != null) {
                flagged.add(header);
            }
        }
        assertThat(flagged).containsExactly("Name");
    }

    /**
     * Detection by values and names on every column of the real tables the tests use (R's Pima, Glass,
     * CreditCard and TitanicSurvival from Debian's r-cran packages; scikit-learn's breast cancer, wine and
     * diabetes): 92 columns, one of personal data — TitanicSurvival's row names, which are the passengers'
     * names ("Allen, Miss. Elisabeth Walton"). Flagged: that column alone, so precision and recall are 1.
     */
    @Test
    void onTheRealTablesOfTheTestsOnlyThePassengersNamesAreFlagged() throws Exception {
        List<java.nio.file.Path> files = new ArrayList<>();
        for (String name : List.of("pima", "glass", "creditcard", "titanic")) {
            files.add(java.nio.file.Path.of(getClass().getResource("/rdata/" + name + ".csv").toURI()));
        }
        files.add(java.nio.file.Path.of(getClass().getResource("/onnx-exported/breast-cancer.csv").toURI()));
        files.add(java.nio.file.Path.of("sample-data", "public", "wine.csv"));
        files.add(java.nio.file.Path.of("sample-data", "public", "diabetes.csv"));
        int columns = 0;
        List<String> flagged = new ArrayList<>();
        for (java.nio.file.Path file : files) {
            Frame frame = TableLoader.load(file).frame();
            for (String name : frame.columnNames()) {
                columns++;
                PiiKind kind = PiiDetector.detect(frame.column(name));
                if (kind != null) {
                    flagged.add(file.getFileName() + ":" + name + "=" + kind);
                }
            }
        }
        assertThat(columns).isEqualTo(92);
        assertThat(flagged).containsExactly("titanic.csv:row_id=NAME");
    }

    @Test
    void masksDoNotTellTheLengthOfWhatTheyHide() {
        assertThat(Masking.mask(PiiKind.EMAIL, "yes")).isEqualTo(Masking.mask(PiiKind.EMAIL, "no")).isEqualTo("***");
        assertThat(Masking.mask(PiiKind.EMAIL, "unknown")).isEqualTo("***");
        assertThat(Masking.mask(PiiKind.EMAIL, "pat@example.com"))
                .isEqualTo(Masking.mask(PiiKind.EMAIL, "patricia.longname-smith@example.com")).isEqualTo("p***@example.com");
        assertThat(Masking.mask(PiiKind.PHONE, "+44 7700 900123")).isEqualTo(Masking.mask(PiiKind.PHONE, "555-0123"))
                .isEqualTo("***23");
        assertThat(Masking.mask(PiiKind.NATIONAL_ID, "AB 12 34 56 C")).isEqualTo("***6C");
        assertThat(Masking.mask(PiiKind.PHONE, "7")).isEqualTo("***");
        assertThat(Masking.mask(PiiKind.NAME, "   ")).isEqualTo("***");
    }

    @Test
    void slicingByAPersonalColumnMergesEqualMasks() {
        CategoricalColumn column = column("contact", 40, 0.75, "unknown");
        Column sliced = Masking.forSlicing(column, ValueKind.TEXT);
        assertThat(((CategoricalColumn) sliced).levels()).containsExactly("p***@example.com", "***");
        CategoricalColumn region = CategoricalColumn.of("region", new String[] {"north", "south"});
        assertThat(Masking.forSlicing(region, ValueKind.TEXT)).isSameAs(region);
    }
}
