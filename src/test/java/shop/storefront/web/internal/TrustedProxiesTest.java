package shop.storefront.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.NetUtil;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who the client is behind a chain of proxies: the rightmost address no trusted proxy wrote. */
class TrustedProxiesTest {

    private static final TrustedProxies ALB_SUBNETS = TrustedProxies.parse(List.of("127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"));

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        // the ALB appends the address it saw: whatever the client wrote to the left is ignored
        "10.0.1.5  | 198.51.100.7                              | 198.51.100.7",
        "10.0.1.5  | 203.0.113.1, 198.51.100.7                 | 198.51.100.7",
        "10.0.1.5  | 203.0.113.99,203.0.113.2 , 198.51.100.7   | 198.51.100.7",
        "10.0.1.5  | 10.9.9.9, 198.51.100.7                    | 198.51.100.7",
        // a client inside the VPC behind a second trusted hop
        "10.0.1.5  | 198.51.100.7, 10.0.2.8                    | 198.51.100.7",
        "10.0.1.5  | 10.0.3.3, 10.0.2.8                        | 10.0.3.3",
        // garbage the client wrote stops the walk at the last hop we can vouch for
        "10.0.1.5  | evil, 10.0.2.8                            | 10.0.2.8",
        "10.0.1.5  | 198.51.100.7 junk                         | 10.0.1.5",
        "10.0.1.5  | example.com                               | 10.0.1.5",
        "10.0.1.5  | ''                                        | 10.0.1.5",
        // one machine, one spelling: IPv4-mapped IPv6 and bracketed IPv6 are folded
        "10.0.1.5  | ::ffff:198.51.100.7                       | 198.51.100.7",
        "10.0.1.5  | [2001:db8:0:0::1]                         | 2001:db8::1",
        "::1       | 203.0.113.5, 2001:db8::7                  | 2001:db8::7",
        "fd00::1   | 2001:db8::7, fd00::2                      | 2001:db8::7",
    })
    void theClientIsTheRightmostUntrustedHop(String peer, String chain, String client) {
        byte[] found = ALB_SUBNETS.clientBehind(NetUtil.createByteArrayFromIpAddressString(peer), List.of(chain));
        assertThat(NetUtil.bytesToIpAddress(found)).isEqualTo(client);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 50, 5000})
    void aLongChainCannotHideTheAddressTheAlbAdded(int spoofedEntries) {
        String spoofed = String.join(",", java.util.Collections.nCopies(spoofedEntries, "203.0.113.1"));
        byte[] found = ALB_SUBNETS.clientBehind(NetUtil.createByteArrayFromIpAddressString("10.0.0.2"),
                List.of(spoofed, "198.51.100.9"));
        assertThat(NetUtil.bytesToIpAddress(found)).isEqualTo("198.51.100.9");
    }

    @ParameterizedTest
    @CsvSource({"10.255.255.255, true", "11.0.0.1, false", "127.0.0.1, true", "127.0.0.2, false", "fd12::1, true", "fe80::1, false"})
    void cidrBlocksCoverTheirRange(String address, boolean trusted) {
        assertThat(ALB_SUBNETS.contains(TrustedProxies.IpLiterals.parse(address))).isEqualTo(trusted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "alb.internal", "10.0.0/8", "::1/129", "10.0.0.0/8x"})
    void aBadEntryIsNamed(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of(entry))).hasMessageContaining(entry);
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.7, 203.0.113.7", "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64", "2001:db8:1:2::9, 2001:db8:1:2::/64"})
    void ipv6ClientsAreLimitedPerNetwork(String address, String limitKey) {
        byte[] bytes = TrustedProxies.IpLiterals.parse(address);
        assertThat(ForwardedRequests.describe(Arrays.copyOf(bytes, bytes.length)).limitKey()).isEqualTo(limitKey);
    }
}
