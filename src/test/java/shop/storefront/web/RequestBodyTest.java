package shop.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request body is read only up to the limit (1 MB), however it is sent, and a JSON body is exactly one JSON value:
 * trailing content or a key given twice is refused rather than half-read.
 */
@QuarkusTest
class RequestBodyTest {

    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler errorLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void watchErrorLog() {
        Logger.getLogger("").addHandler(errorLog);
    }

    @AfterEach
    void stopWatching() {
        Logger.getLogger("").removeHandler(errorLog);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "/api/v1/cart/items, application/json, application/problem+json",
        "/account/sign-in, application/x-www-form-urlencoded, text/html",
        "/api/v1/search, application/json, application/problem+json"})
    void aChunkedBodyOverTheLimitIsRefusedQuietly(String path, String contentType, String answerType) throws IOException {
        String answer = postChunked(path, contentType, 2 * 1024 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("content-type: " + answerType);
        assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/search   | application/json                  | {\"q\":\"jacket\"}  | 200",
        "/account/sign-in | application/x-www-form-urlencoded | email=x%40example.com | 403"})
    void aChunkedBodyUnderTheLimitIsReadWhole(String path, String contentType, String body, int status) throws IOException {
        String answer = send(path.strip(), contentType.strip(), body.strip().getBytes(StandardCharsets.US_ASCII), 3);
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        if (status == 200) {
            assertThat(answer).contains("\"items\"");
        }
        assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"sku\":\"A-1\",\"quantity\":1} {\"sku\":\"B-2\",\"quantity\":9}",
        "{\"sku\":\"A-1\",\"quantity\":1}]",
        "{\"sku\":\"A-1\",\"quantity\":1} x",
        "{\"sku\":\"A-1\",\"sku\":\"B-2\",\"quantity\":1}",
        "{\"sku\":\"A-1\",\"quantity\":1,\"quantity\":50}"})
    void jsonWithTrailingContentOrDuplicateKeysIsRefused(String body) {
        RawHttp.Answer answer = RawHttp.send("POST", "/api/v1/cart/items", "Content-Type: application/json", body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("JSON");
    }

    /** Sends the body chunked, in this many pieces, and returns the raw answer. */
    private static String send(String path, String contentType, byte[] body, int pieces) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", RawHttp.port()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int size = (body.length + pieces - 1) / pieces;
            for (int from = 0; from < body.length; from += size) {
                int length = Math.min(size, body.length - from);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends the body in 8 KB chunks and returns the raw answer; the server may stop reading early. */
    private static String postChunked(String path, String contentType, int size) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", RawHttp.port()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            // a body that stays well-formed as far as it goes, so only its size can stop it
            String start = contentType.endsWith("json") ? "{\"sku\":\"" : "email=";
            try {
                out.write((Integer.toHexString(start.length()) + "\r\n" + start + "\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int sent = 0; sent < size; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException refusedMidway) {
                // the answer came before the whole body: what follows reads it
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (IOException reset) {
                // a reset after the answer arrived
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
