package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeType.ParamSpec.Kind;

class ParamValuesTest {

    @Test
    void typedTextBecomesTheValueOfItsKind() {
        assertThat(ParamValues.parse(Kind.NUMBER, " 0.7 ").value()).isEqualTo(0.7);
        assertThat(ParamValues.parse(Kind.INTEGER, "60").value()).isEqualTo(60L);
        assertThat(ParamValues.parse(Kind.BOOLEAN, "yes").value()).isEqualTo(true);
        assertThat(ParamValues.parse(Kind.COLUMNS, "income, region,,age ").value())
                .isEqualTo(List.of("income", "region", "age"));
        assertThat(ParamValues.parse(Kind.COLUMN, " income ").value()).isEqualTo("income");
    }

    @Test
    void blankMeansNotSet() {
        assertThat(ParamValues.parse(Kind.NUMBER, "  ").isOk()).isTrue();
        assertThat(ParamValues.parse(Kind.NUMBER, "  ").value()).isNull();
    }

    @Test
    void textThatIsNotOfItsKindIsAnErrorNotAValue() {
        assertThat(ParamValues.parse(Kind.NUMBER, "0,7").error()).isEqualTo("must be a number, like 0.5 or -2");
        assertThat(ParamValues.parse(Kind.INTEGER, "6.5").error()).isEqualTo("must be a whole number, like 60");
        assertThat(ParamValues.parse(Kind.NUMBER, "NaN").error()).isEqualTo("must be a finite number");
    }

    @Test
    void valuesAreShownAsTheyWouldBeTyped() {
        assertThat(ParamValues.format(List.of("income", "region"))).isEqualTo("income, region");
        assertThat(ParamValues.format(0.5)).isEqualTo("0.5");
        assertThat(ParamValues.format(null)).isEmpty();
    }
}
