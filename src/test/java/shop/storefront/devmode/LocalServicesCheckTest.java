package shop.storefront.devmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without Docker and without local services, the dev and test commands stop with a message saying what to
 * start. Proven by running the check in an empty network namespace, where nothing listens on loopback.
 */
class LocalServicesCheckTest {

    /** A busy machine may take its time to start a process; waiting ends as soon as the process does. */
    private static final long PROCESS_CEILING_SECONDS = 120;

    @Test
    void saysWhatToStartWhenNothingIsRunning() throws IOException, InterruptedException {
        assumeTrue(canUnshareNetwork(), "needs unshare -n (root); skipped");
        Process check = new ProcessBuilder("unshare", "-n", "bash", "-c", "ip link set lo up && bash src/dev/local-services.sh")
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(PROCESS_CEILING_SECONDS, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.exitValue()).isEqualTo(1);
        assertThat(output).contains("PostgreSQL is not reachable on 127.0.0.1:5432", "pg_ctlcluster", "Docker engine");
    }

    private static boolean canUnshareNetwork() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
        // A probe still running at the ceiling would skip the test, so the ceiling is the same generous one.
        return probe.waitFor(PROCESS_CEILING_SECONDS, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
}
