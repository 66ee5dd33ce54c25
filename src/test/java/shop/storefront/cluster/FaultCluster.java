package shop.storefront.cluster;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.storefront.web.SmtpServer;

/**
 * Two packaged instances behind HAProxy, reaching PostgreSQL and Redis only through proxies the test can cut, and
 * sending mail to a test SMTP server through a relay it can freeze. The shared services themselves are never
 * stopped: other test runs use them too. Ports: the system property {@code faults.base-port} (default 18100) for
 * instance a, +1 for b, +2 for HAProxy, +3 for its statistics.
 */
final class FaultCluster implements AutoCloseable {

    static final List<String> INSTANCES = List.of("a", "b");
    private static final int BASE_PORT = Integer.getInteger("faults.base-port", 18100);
    private static final Pattern HOST_AND_PORT = Pattern.compile("^(\\w[\\w:]*://)([^:/]+):(\\d+)(.*)$");

    final CuttableProxy database;
    final CuttableProxy redis;
    final FreezableProxy mailRelay;
    private final GreenMail smtp;
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, AppInstance> running = new LinkedHashMap<>();
    private final Haproxy balancer;

    private FaultCluster() throws IOException {
        Map<String, String> devServices = SharedServices.devServices();
        String jdbcUrl = SharedServices.database().url();
        String redisUrl = devServices.getOrDefault("quarkus.redis.hosts", "redis://127.0.0.1:6379/"
                + System.getenv().getOrDefault("_TEST_LOCAL_SERVICES_REDIS_DATABASE", "1"));
        database = proxyTo(jdbcUrl);
        redis = proxyTo(redisUrl);
        smtp = SmtpServer.startOnFreePort();
        mailRelay = new FreezableProxy(smtp.getSmtp().getPort(), 0);
        settings.putAll(Map.of("quarkus.http.host", "127.0.0.1",
                "quarkus.datasource.jdbc.url", throughProxy(jdbcUrl, database),
                "quarkus.redis.hosts", throughProxy(redisUrl, redis),
                "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(mailRelay.port()),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.mock", "false",
                "storefront.outbox.worker-enabled", "true"));
        // The local-services profile names its own URLs; a profile's key would win over the plain one.
        settings.put("%local.quarkus.datasource.jdbc.url", settings.get("quarkus.datasource.jdbc.url"));
        settings.put("%local.quarkus.redis.hosts", settings.get("quarkus.redis.hosts"));
        INSTANCES.parallelStream().forEach(this::startInstance);
        Map<String, Integer> servers = new LinkedHashMap<>();
        INSTANCES.forEach(name -> servers.put(name, port(name)));
        balancer = Haproxy.start(BASE_PORT + 2, BASE_PORT + 3, servers, "faults-haproxy");
    }

    static FaultCluster start() throws IOException, InterruptedException {
        FaultCluster cluster = new FaultCluster();
        cluster.awaitAllUp();
        return cluster;
    }

    Haproxy balancer() {
        return balancer;
    }

    URI uri(String path) {
        return balancer.uri(path);
    }

    static int port(String instance) {
        return BASE_PORT + INSTANCES.indexOf(instance);
    }

    /** Starts again any instance a scenario killed, and waits until HAProxy sends traffic to every instance. */
    void awaitAllUp() throws InterruptedException {
        List<CompletableFuture<Void>> starts = INSTANCES.stream().filter(name -> !running.containsKey(name))
                .map(name -> CompletableFuture.runAsync(() -> startInstance(name))).toList();
        starts.forEach(CompletableFuture::join);
        for (String name : INSTANCES) {
            balancer.awaitState(name, "UP", Duration.ofSeconds(60));
        }
    }

    /** SIGKILL, as when the instance's machine vanishes. */
    void kill(String instance) {
        AppInstance victim;
        synchronized (running) {
            victim = running.remove(instance);
        }
        victim.kill();
    }

    /** Order confirmations received so far, by subject ("Your Storefront order N"). */
    List<String> confirmations() {
        return Arrays.stream(smtp.getReceivedMessages()).map(FaultCluster::subject)
                .filter(subject -> subject.startsWith("Your Storefront order ")).toList();
    }

    private void startInstance(String name) {
        AppInstance instance = AppInstance.start(port(name), SharedServices.devServices(), settings, "faults-" + name + ".log");
        synchronized (running) {
            running.put(name, instance);
        }
    }

    private static CuttableProxy proxyTo(String url) throws IOException {
        Matcher m = hostAndPort(url);
        return new CuttableProxy(m.group(2), Integer.parseInt(m.group(3)));
    }

    private static String throughProxy(String url, CuttableProxy proxy) {
        Matcher m = hostAndPort(url);
        return m.group(1) + "127.0.0.1:" + proxy.port() + m.group(4);
    }

    private static Matcher hostAndPort(String url) {
        Matcher m = HOST_AND_PORT.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("No host and port in " + url);
        }
        return m;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        balancer.close();
        synchronized (running) {
            running.values().forEach(AppInstance::stop);
            running.clear();
        }
        database.close();
        redis.close();
        mailRelay.close();
        smtp.stop();
    }
}
