package shop.storefront.web;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import shop.storefront.cluster.FreezableProxy;

/**
 * A real SMTP server (GreenMail) on a free loopback port for the test run; the app sends to it through a relay that
 * a test can freeze to play a mail relay that stops answering.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    /**
     * How long GreenMail waits for the next command before it answers 421 and hangs up (its default is 30 s). Longer
     * than the app's keep-alive for idle pooled connections, with room for a client starved of CPU on a busy machine.
     */
    private static final Duration CLIENT_IDLE_TIMEOUT = Duration.ofMinutes(2);
    /** Start-up is awaited (returning as soon as it listens); GreenMail's default of 2 s is too tight on a busy machine. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static GreenMail server;
    private static FreezableProxy relay;

    @Override
    public Map<String, String> start() {
        server = startOnFreePort();
        try {
            relay = new FreezableProxy(server.getSmtp().getPort(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(relay.port()),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    /** A running GreenMail SMTP server on a free loopback port, with timeouts that suit a busy machine. */
    public static GreenMail startOnFreePort() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT.toMillis());
        GreenMail greenMail = new GreenMail(setup) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                Map<String, AbstractServer> services = super.createServices(config, managers);
                services.values().forEach(s -> s.setClientSocketTimeout((int) CLIENT_IDLE_TIMEOUT.toMillis()));
                return services;
            }
        };
        greenMail.start();
        return greenMail;
    }

    @Override
    public void stop() {
        try {
            relay.close();
        } catch (IOException e) {
            // the run is over
        }
        server.stop();
    }

    /** From now on nothing the app sends reaches the server, which therefore never answers its commands. */
    public static void freeze() {
        relay.freeze();
    }

    /** Drops every connection made while frozen (nothing they carried is delivered) and relays normally again. */
    public static void thaw() {
        relay.thaw();
    }

    /** Messages delivered to this address so far. */
    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static List<String> subjects(String address) {
        return messagesTo(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The decoded text of a message (all text parts of a multipart one). */
    public static String body(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws IOException, jakarta.mail.MessagingException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent()));
            }
            return all.toString();
        }
        return String.valueOf(content);
    }
}
