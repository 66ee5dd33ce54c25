package shop.storefront.cluster;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import shop.storefront.web.SmtpServer;

/**
 * For the crash test: an SMTP server reached only through a {@link FreezableProxy}, and the integration test's
 * own instance configured to serve requests but leave the outbox to a separate worker instance.
 */
public class CrashTestMail extends SharedServices {

    static GreenMail smtp;
    static FreezableProxy proxy;

    @Override
    public Map<String, String> start() {
        smtp = SmtpServer.startOnFreePort();
        try {
            proxy = new FreezableProxy(smtp.getSmtp().getPort(), 15);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("storefront.outbox.worker-enabled", "false");
    }

    /** Settings that send an instance's mail through the proxy. */
    static Map<String, String> mailSettings() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(proxy.port()),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.mock", "false");
    }

    static List<MimeMessage> received() {
        return List.of(smtp.getReceivedMessages());
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException e) {
            // closing anyway
        }
        smtp.stop();
    }
}
