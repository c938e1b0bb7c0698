package dev.homestak.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small line chart in SVG: measured T(N) against N (one or more series), next to the original's
 * one-after-another {@code N x T(1)}. No library: a few lines of markup are enough.
 */
final class SvgChart {

    private static final int W = 640;
    private static final int H = 400;
    private static final int LEFT = 70;
    private static final int BOTTOM = 50;
    private static final int TOP = 40;
    private static final int RIGHT = 30;

    private SvgChart() {}

    private static final List<String> COLOURS = List.of("#1f6feb", "#8250df", "#1a7f37");

    /** The fan-out chart for {@code seconds} (N to wall seconds). */
    static String fanOut(Map<Integer, Double> seconds, String caption) {
        return lines(
                "simple-vm-constructor wall time vs. VMs in the env (guest boot 2 s)",
                "VMs in the env (N)",
                Map.of("homestak (measured)", seconds),
                caption);
    }

    /**
     * A chart of measured series (label to N to wall seconds), next to the original's one-after-another line
     * {@code N x T(1)} of the first series; the y axis is capped at 3 x the largest measurement.
     */
    static String lines(String title, String xLabel, Map<String, Map<Integer, Double>> series, String caption) {
        Map<Integer, Double> first = series.values().iterator().next();
        int maxN = series.values().stream()
                .flatMap(m -> m.keySet().stream())
                .max(Integer::compare)
                .orElse(1);
        double t1 = first.values().iterator().next();
        double maxMeasured = series.values().stream()
                .flatMap(m -> m.values().stream())
                .max(Double::compare)
                .orElse(1.0);
        double maxY = Math.max(maxMeasured * 3, t1 * 2);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                W,
                H,
                W,
                H));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(W / 2, 20, "middle", title, 14));
        axes(svg, maxN, maxY, xLabel);
        int i = 0;
        for (var s : series.entrySet()) {
            String colour = COLOURS.get(i % COLOURS.size());
            series(svg, s.getValue(), colour, maxN, maxY);
            svg.append(text(LEFT + 10, TOP + 14 + 16 * i, "start", s.getKey(), 12)
                    .replace("<text", "<text fill=\"" + colour + "\""));
            i++;
        }
        int lastOnChart = (int) Math.min(maxN, Math.floor(maxY / t1));
        svg.append("<polyline fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"")
                .append(point(1, t1, maxN, maxY))
                .append(' ')
                .append(point(lastOnChart, lastOnChart * t1, maxN, maxY))
                .append("\"/>\n");
        svg.append(
                text(LEFT + 10, TOP + 14 + 16 * i, "start", "one after another, N x T(1) (the original's design)", 12)
                        .replace("<text", "<text fill=\"#cf222e\""));
        svg.append(text(W / 2, H - 8, "middle", caption, 10));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void series(StringBuilder svg, Map<Integer, Double> seconds, String colour, int maxN, double maxY) {
        StringBuilder measured = new StringBuilder();
        for (var e : seconds.entrySet()) {
            measured.append(point(e.getKey(), e.getValue(), maxN, maxY)).append(' ');
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n",
                    x(e.getKey(), maxN),
                    y(e.getValue(), maxY),
                    colour));
            svg.append(text(
                    x(e.getKey(), maxN),
                    y(e.getValue(), maxY) - 8,
                    "middle",
                    String.format(Locale.ROOT, "%.1f s", e.getValue()),
                    11));
        }
        svg.append("<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"")
                .append(measured.toString().trim())
                .append("\"/>\n");
    }

    private static void axes(StringBuilder svg, int maxN, double maxY, String xLabel) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT,
                H - BOTTOM,
                W - RIGHT,
                H - BOTTOM));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT,
                TOP,
                LEFT,
                H - BOTTOM));
        for (int i = 0; i <= 4; i++) {
            int n = (int) Math.round(maxN * i / 4.0);
            svg.append(text(x(n, maxN), H - BOTTOM + 16, "middle", Integer.toString(n), 11));
            double s = maxY * i / 4.0;
            svg.append(text(LEFT - 6, y(s, maxY) + 4, "end", String.format(Locale.ROOT, "%.0f s", s), 11));
        }
        svg.append(text(W / 2, H - BOTTOM + 34, "middle", xLabel, 12));
    }

    private static String point(double n, double s, int maxN, double maxY) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x(n, maxN), y(s, maxY));
    }

    private static double x(double n, int maxN) {
        return LEFT + (W - LEFT - RIGHT) * n / maxN;
    }

    private static double y(double s, double maxY) {
        return H - BOTTOM - (H - BOTTOM - TOP) * Math.min(s, maxY) / maxY;
    }

    private static String text(double x, double y, String anchor, String value, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x,
                y,
                anchor,
                size,
                value.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
