package dev.homestak.bench;

import java.util.List;

/** The results as a Markdown table. */
final class Table {

    private Table() {}

    static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| benchmark | metric | measured | target | |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ")
                    .append(r.benchmark())
                    .append(" | ")
                    .append(r.metric().replace("|", "\\|"))
                    .append(" | ")
                    .append(r.value().replace("|", "\\|"))
                    .append(" | ")
                    .append(r.target())
                    .append(" | ")
                    .append(r.verdict())
                    .append(" |\n");
        }
        return sb.toString();
    }
}
