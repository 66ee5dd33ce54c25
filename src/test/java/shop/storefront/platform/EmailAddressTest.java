package shop.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The e-mail rule, checked against the parser the mail client uses for every recipient (Vert.x mail's
 * {@code io.vertx.ext.mail.mailencoder.EmailAddress}, behind Quarkus Mailer): whatever the rule accepts is
 * sent to exactly that address.
 */
class EmailAddressTest {

    /** 189 characters: with a 64-character local part, the longest address allowed (254). */
    private static final String LONGEST_DOMAIN = "d".repeat(63) + "." + "d".repeat(63) + "." + "c".repeat(61);

    static Stream<Arguments> valid() {
        String longest = "l".repeat(64) + "@" + LONGEST_DOMAIN;
        return Stream.of(
                Arguments.of("name@example.com", "name@example.com"),
                Arguments.of("  Name.Surname@Example.COM ", "name.surname@example.com"),
                Arguments.of("\tshopper@example.org\r\n", "shopper@example.org"),
                Arguments.of("o'brien@example.ie", "o'brien@example.ie"),
                Arguments.of("first+tag@mail.example.co.uk", "first+tag@mail.example.co.uk"),
                Arguments.of("a_b-c.d@x-y.example", "a_b-c.d@x-y.example"),
                Arguments.of("a#$&'*+/=?^_`{|}~-z@example.com", "a#$&'*+/=?^_`{|}~-z@example.com"),
                Arguments.of("1@2.example", "1@2.example"),
                Arguments.of("x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
                Arguments.of("x@example.xn--p1ai", "x@example.xn--p1ai"),
                Arguments.of("x@a.io", "x@a.io"),
                Arguments.of(longest.toUpperCase(), longest));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validAddressesAreNormalised(String typed, String normal) {
        assertThat(EmailAddress.parse(typed).value()).isEqualTo(normal);
        assertThat(EmailAddress.parse(typed)).isEqualTo(EmailAddress.parse(normal)).hasToString(normal);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void theMailerSendsToExactlyTheAcceptedAddress(String typed, String ignored) {
        String accepted = EmailAddress.parse(typed).value();
        io.vertx.ext.mail.mailencoder.EmailAddress mailer = new io.vertx.ext.mail.mailencoder.EmailAddress(accepted);
        assertThat(mailer.getEmail()).isEqualTo(accepted);
        assertThat(mailer.getName()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "not-an-email", "@example.com", "name@", "two@@example.com", "a@b@example.com", "spaces in@example.com",
            // display names, angle brackets, comments, quotes
            "x<attacker@evil.example>", "Shop Support <attacker@evil.example>", "<victim@shop.example>",
            "victim@shop.example (attacker@evil.example)", "victim@shop.example(comment)", "(comment)victim@shop.example",
            "\"x\"@example.com", "\"attacker@evil.example\"@shop.example", "a\\@b@example.com",
            // lists and header injection
            "a@b.c,d", "victim@shop.example,attacker@evil.example", "a@example.com;b@example.com",
            "victim@shop.example\r\nBcc: spy@evil.example", "victim@shop.example\nRCPT TO:<spy@evil.example>",
            "vic\u0000tim@shop.example", "victim@shop\u0007.example",
            // relay routing
            "victim%evil.example@relay.example", "evil.example!victim@relay.example", "mailto:a@example.com",
            // local part shape
            ".a@example.com", "a.@example.com", "a..b@example.com",
            // domain shape
            "a@b", "a@localhost", "a@example.c", "a@example.123", "a@10.0.0.1", "a@[127.0.0.1]", "a@-b.example",
            "a@b-.example", "a@b..example", "a@.example.com", "a@example.com.", "a@ex_ample.com", "a@example.-com",
            // beyond ASCII, including letters that lower-case to ASCII ones
            "josé@example.com", "user@bücher.de", "\u212Aelvin@example.com", "a@exam\u0131ple.com", "a\u00a0b@example.com"})
    void malformedAndHostileValuesAreRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> EmailAddress.parse(typed))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("email"))
                .hasMessage(EmailAddress.INVALID);
    }

    @Test
    void lengthLimitsAre64BeforeTheAtAnd254InAll() {
        assertThat(EmailAddress.parse("l".repeat(64) + "@" + LONGEST_DOMAIN).value()).hasSize(254);
        assertThatThrownBy(() -> EmailAddress.parse("l".repeat(65) + "@example.com")).hasMessage(EmailAddress.TOO_LONG);
        assertThatThrownBy(() -> EmailAddress.parse("l".repeat(64) + "@d" + LONGEST_DOMAIN)).hasMessage(EmailAddress.TOO_LONG);
        assertThatThrownBy(() -> EmailAddress.parse("x".repeat(100_000))).hasMessage(EmailAddress.TOO_LONG);
        assertThatThrownBy(() -> EmailAddress.parse("a@" + "d".repeat(64) + ".example")).hasMessage(EmailAddress.INVALID);
    }

    /** What the mail client does with values an older, looser rule accepted: another recipient, or no mail ever. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x<attacker@evil.example>                    | attacker@evil.example",
            "Shop Support<attacker@evil.example>         | attacker@evil.example",
            "attacker@evil.example(victim@shop.example)  | attacker@evil.example",
            "a@b.c,d                                     | fails",
            "victim@shop.example,attacker@evil.example   | fails",
            "x(attacker@evil.example)                    | fails"})
    void injectionStyleValuesWouldReachAnotherAddressOrNeverBeSent(String typed, String mailerSendsTo) {
        assertThat(mailerReading(typed)).as("the mail client's reading of " + typed).isEqualTo(mailerSendsTo).isNotEqualTo(typed);
        assertThatThrownBy(() -> EmailAddress.parse(typed)).isInstanceOf(InvalidFieldException.class);
    }

    /**
     * Random local part, "@", domain and tail built from the characters that matter: every value the rule accepts
     * means the same to the mailer.
     */
    @Test
    void everyAcceptedValueMeansTheSameToTheMailer() {
        String[] local = {"a", "Z", "0", "o'b", "first+tag", "x_y", "a.b", ".", "-", "=", "%", "!", "\"", "\\", "(", ")", "<",
                " ", "é"};
        String[] domain = {"example", "shop", "9", "a-b", "xn--p1ai", "mail.", "-", "_", "[", "]", ">", ",", ":", "(c)", "\t", ".."};
        String[] topLevel = {".com", ".example", ".xn--p1ai", ".io", ".c", ".1", ".", ""};
        String[] tail = {"", "", "", "", "", "", ",b@c.com", " (x@evil.example)", ">", "\r\nBcc: x@evil.example", "@evil.example"};
        Random random = new Random(20_261_124L);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String value = pick(random, local, 1 + random.nextInt(3)) + "@" + pick(random, domain, 1 + random.nextInt(2))
                    + pick(random, topLevel, 1) + pick(random, tail, 1);
            try {
                accepted.add(EmailAddress.parse(value).value());
            } catch (InvalidFieldException refused) {
                assertThat(refused.field()).isEqualTo("email");
            }
        }
        assertThat(accepted).as("the generator reaches valid addresses").hasSizeGreaterThan(500);
        for (String address : accepted) {
            assertThat(mailerReading(address)).as(address).isEqualTo(address);
            assertThat(new io.vertx.ext.mail.mailencoder.EmailAddress(address).getName()).as(address).isEmpty();
        }
    }

    private static String pick(Random random, String[] pieces, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    @Test
    void aSettingOfThisTypeIsCheckedByTheSameRule() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "alerts.good", " Stock-Alerts@Example.com ", "alerts.bad", "Stock <attacker@evil.example>"), "test", 100)).build();
        assertThat(config.getValue("alerts.good", EmailAddress.class).value()).isEqualTo("stock-alerts@example.com");
        assertThatThrownBy(() -> config.getValue("alerts.bad", EmailAddress.class))
                .hasMessageContaining("alerts.bad").hasMessageContaining("Stock <attacker@evil.example>")
                .hasRootCauseInstanceOf(InvalidFieldException.class).hasRootCauseMessage(EmailAddress.INVALID);
    }

    /** The recipient the mail client would use for this value, or "fails" when it cannot send to it at all. */
    private static String mailerReading(String value) {
        try {
            return new io.vertx.ext.mail.mailencoder.EmailAddress(value).getEmail();
        } catch (IllegalArgumentException e) {
            return "fails";
        }
    }
}
