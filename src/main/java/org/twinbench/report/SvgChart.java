package org.twinbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A static line chart as inline SVG: one polyline per series over the steps, an optional shaded band
 * (the 90% band over replicates), axes with a few ticks and a legend. Long series are decimated to at
 * most {@value #MAX_POINTS} points so the page is sized by the summary, not the raw data.
 */
final class SvgChart {

    static final int MAX_POINTS = 400;
    /** The label start of a line that stands for the slices not drawn on their own. */
    static final String OTHERS = SliceColours.OTHERS;
    static final int MAX_LABEL = 40;
    private static final double CHAR_WIDTH = 6.2;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 150;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;

    /** One line of the chart; {@code low}/{@code high} may be null (no band). */
    record Line(String label, double[] values, double[] low, double[] high) {
    }

    private SvgChart() {
    }

    static String render(String title, List<Line> lines) {
        return render(title, lines, List.of());
    }

    /**
     * @param windowStarts the first day of each step's calendar window, shown on the time axis instead of
     *     step numbers; empty for steps counted in rows
     */
    static String render(String title, List<Line> lines, List<String> windowStarts) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int steps = 0;
        for (Line line : lines) {
            steps = Math.max(steps, line.values().length);
            for (double[] values : new double[][] {line.values(), line.low(), line.high()}) {
                if (values == null) {
                    continue;
                }
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        // The legend is never cut: the picture widens for long labels and grows for many lines.
        int longest = lines.stream().mapToInt(l -> Math.min(MAX_LABEL, l.label().length())).max().orElse(0);
        int width = Math.max(WIDTH, WIDTH - RIGHT + 26 + (int) Math.ceil(longest * CHAR_WIDTH) + 8);
        int height = Math.max(HEIGHT, TOP + 16 * lines.size() + 8);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\"><title>%s</title>", width, height, width, height,
                Html.escape(title)));
        if (!(min <= max) || steps == 0) {
            svg.append("<text x=\"10\" y=\"20\">no values</text></svg>");
            return svg.toString();
        }
        if (max - min < 1e-9) {
            min -= 0.5;
            max += 0.5;
        }
        double pad = (max - min) * 0.05;
        Scale scale = new Scale(steps, min - pad, max + pad);
        axes(svg, scale, windowStarts.size() >= steps ? windowStarts : List.of());
        List<String> colours = colours(lines);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String colour = colours.get(i);
            if (line.low() != null && line.high() != null) {
                svg.append("<polygon fill=\"").append(colour).append("\" fill-opacity=\"0.18\" stroke=\"none\" points=\"")
                        .append(points(scale, line.high(), false)).append(' ')
                        .append(points(scale, line.low(), true)).append("\"/>");
            }
            for (String segment : segments(scale, line.values())) {
                svg.append("<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(colour)
                        .append("\" points=\"").append(segment).append("\"/>");
            }
            int y = TOP + 14 + 16 * i;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"11\"><title>%s</title>%s</text>", WIDTH - RIGHT + 10,
                    y - 4, colour, WIDTH - RIGHT + 26, y, Html.escape(line.label()), Html.escape(shortened(line.label()))));
        }
        return svg.append("</svg>").toString();
    }

    /** A label of at most {@value #MAX_LABEL} characters, cut in the middle with an ellipsis (full text as tooltip). */
    static String shortened(String label) {
        if (label.length() <= MAX_LABEL) {
            return label;
        }
        int head = (MAX_LABEL - 1) / 2;
        return label.substring(0, head) + "…" + label.substring(label.length() - (MAX_LABEL - 1 - head));
    }

    /** A colour per line that depends on its label only ({@link SliceColours}, shared with the window's live chart). */
    static List<String> colours(List<Line> lines) {
        return SliceColours.of(lines.stream().map(Line::label).toList());
    }

    private record Scale(int steps, double min, double max) {
        double x(int step) {
            return LEFT + (steps <= 1 ? 0 : (double) step / (steps - 1) * (WIDTH - LEFT - RIGHT));
        }

        double y(double v) {
            return TOP + (max - v) / (max - min) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void axes(StringBuilder svg, Scale s, List<String> windowStarts) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<g stroke=\"#888\" stroke-width=\"1\"><line x1=\"%d\" y1=\"%d\" "
                + "x2=\"%d\" y2=\"%d\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>", LEFT, TOP, LEFT, bottom,
                LEFT, bottom, WIDTH - RIGHT, bottom));
        for (int t = 0; t <= 4; t++) {
            double v = s.min() + (s.max() - s.min()) * t / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">"
                    + "%s</text>", LEFT - 4, s.y(v) + 3, tick(v)));
        }
        boolean dated = !windowStarts.isEmpty();
        for (int t = 0; t <= 4; t++) {
            int step = (int) Math.round((s.steps() - 1) * t / 4.0);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">"
                    + "%s</text>", s.x(step), bottom + 14, dated ? Html.escape(windowStarts.get(step))
                    : Integer.toString(step)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                WIDTH - RIGHT, bottom + 26, dated ? "window start" : "step"));
    }

    private static String tick(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static int stride(int steps) {
        return Math.max(1, (steps + MAX_POINTS - 1) / MAX_POINTS);
    }

    /** The polyline pieces between missing values. */
    private static List<String> segments(Scale scale, double[] values) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int stride = stride(values.length);
        for (int i = 0; i < values.length; i += stride) {
            if (!Double.isFinite(values[i])) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            current.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(i), scale.y(values[i])));
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private static String points(Scale scale, double[] values, boolean reverse) {
        StringBuilder out = new StringBuilder();
        int stride = stride(values.length);
        for (int k = 0; k < values.length; k += stride) {
            int i = reverse ? values.length - 1 - k : k;
            if (Double.isFinite(values[i])) {
                out.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(i), scale.y(values[i])));
            }
        }
        return out.toString().strip();
    }
}
