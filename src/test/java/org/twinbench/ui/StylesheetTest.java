package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** Every stylesheet parses cleanly: one stray brace silently drops every rule after it. */
class StylesheetTest {

    @Test
    void everyStylesheetParsesWithoutErrors() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("styles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".css")).toList()) {
                String text = Files.readString(file);
                long open = text.chars().filter(c -> c == '{').count();
                long close = text.chars().filter(c -> c == '}').count();
                assertThat(close).as(file + ": closing braces").isEqualTo(open);
                int before = CssParser.errorsProperty().size();
                Stylesheet sheet = new CssParser().parse(file.toUri().toURL());
                assertThat(CssParser.errorsProperty().subList(before, CssParser.errorsProperty().size()))
                        .as(file + ": parse errors").isEmpty();
                assertThat(sheet.getRules()).as(file + ": rules").isNotEmpty();
            }
        }
    }
}
