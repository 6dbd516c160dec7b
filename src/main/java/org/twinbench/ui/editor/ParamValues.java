package org.twinbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.scenario.NodeType.ParamSpec;

/**
 * Turns what the user typed into a parameter's JSON value and back, by {@link ParamSpec.Kind}.
 * Numbers are read in the ROOT locale (a point, never a comma), as the file format writes them.
 */
public final class ParamValues {

    private ParamValues() {
    }

    /** The value of typed {@code text}; blank means "not set" (null). */
    public static Parsed parse(ParamSpec.Kind kind, String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Parsed.ok(null);
        }
        return switch (kind) {
            case NUMBER -> {
                try {
                    double number = Double.parseDouble(value);
                    yield Double.isFinite(number) ? Parsed.ok(number) : Parsed.error("must be a finite number");
                } catch (NumberFormatException e) {
                    yield Parsed.error("must be a number, like 0.5 or -2");
                }
            }
            case INTEGER -> {
                try {
                    yield Parsed.ok(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    yield Parsed.error("must be a whole number, like 60");
                }
            }
            case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Parsed.ok(true);
                case "false", "no" -> Parsed.ok(false);
                default -> Parsed.error("must be true or false");
            };
            case COLUMNS -> {
                List<String> names = new ArrayList<>();
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        names.add(part.strip());
                    }
                }
                yield Parsed.ok(names);
            }
            case SCHEDULE -> Parsed.error("is edited with the schedule editor");
            default -> Parsed.ok(value);
        };
    }

    /** How a stored value is shown in a text field. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return String.valueOf(map);
        }
        return String.valueOf(value);
    }

    /** A parse result: a value (possibly null for "not set") or a message saying what is wrong. */
    public record Parsed(Object value, String error) {
        static Parsed ok(Object value) {
            return new Parsed(value, null);
        }

        static Parsed error(String message) {
            return new Parsed(null, message);
        }

        public boolean isOk() {
            return error == null;
        }
    }
}
