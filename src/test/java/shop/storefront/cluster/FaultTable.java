package shop.storefront.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The fault tests' report, one row per fault: printed as each scenario ends and appended to target/fault-table.md,
 * which bench/faults.sh shows.
 */
public final class FaultTable {

    static final Path FILE = Path.of("target", "fault-table.md");
    private static final String HEADER = """
            | Fault | Requests sent | Failed | Failure window | Recovered without restart? | What shoppers saw |
            |---|---|---|---|---|---|
            """;

    /** One fault: "failed" counts answers other than the issue expects (for an order pipeline, events lost or doubled). */
    public record Row(String fault, long sent, long failed, String window, boolean recovered, String shoppersSaw) {

        String markdown() {
            return "| %s | %d | %d | %s | %s | %s |%n".formatted(fault, sent, failed, window, recovered ? "yes" : "NO", shoppersSaw);
        }
    }

    private FaultTable() {
    }

    /** Starts a new table file for this run. */
    static void begin() throws IOException {
        Files.writeString(FILE, HEADER);
    }

    static void add(Row row) throws IOException {
        Files.writeString(FILE, row.markdown(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print("Fault table row:\n" + HEADER + row.markdown());
    }

    /** When the failed requests were sent, relative to the fault: "none", or "0.2 s to 1.1 s after". */
    static String window(List<SteadyLoad.Answer> answers, long faultAt) {
        List<Long> failedAt = answers.stream().filter(SteadyLoad.Answer::failed).map(SteadyLoad.Answer::sentAt).sorted().toList();
        if (failedAt.isEmpty()) {
            return "none";
        }
        return seconds(failedAt.getFirst() - faultAt) + " to " + seconds(failedAt.getLast() - faultAt) + " after";
    }

    static String seconds(long nanos) {
        double tenths = Math.round(Duration.ofNanos(nanos).toMillis() / 100.0) / 10.0 + 0.0; // + 0.0: no "-0.0"
        return String.format(Locale.ROOT, "%.1f s", tenths);
    }
}
