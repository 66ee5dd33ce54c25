package shop.storefront.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * HTTP/1.1 written by hand, for headers no client library would send as given (malformed, duplicated, empty).
 * One connection per request, closed by the server; every read has a timeout.
 */
public final class RawHttp {

    /** Status, headers (lower-case names, last one wins) and body text of an answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The storefront's own error page or problem+json, not a framework default. */
        public boolean isOwnErrorFormat() {
            String type = String.valueOf(header("content-type"));
            return type.startsWith("application/problem+json") || (type.startsWith("text/html") && body.contains("/css/site.css"));
        }
    }

    private RawHttp() {
    }

    public static int port() {
        return Integer.getInteger("quarkus.http.test-port", 8081);
    }

    /**
     * Sends the request line and the given header lines (separated by \\n), then the body with its length; a Host line
     * among them replaces the default one.
     */
    public static Answer send(String method, String path, String headerLines, String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nConnection: close\r\n");
        if (!headerLines.regionMatches(true, 0, "Host:", 0, 5) && !headerLines.toLowerCase(Locale.ROOT).contains("\nhost:")) {
            request.append("Host: localhost:").append(port()).append("\r\n");
        }
        for (String line : headerLines.split("\n")) {
            if (!line.isEmpty()) {
                request.append(line).append("\r\n");
            }
        }
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return parse(readAll(socket.getInputStream()), method.equals("HEAD"));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** The body as text, undoing chunked transfer and gzip (sent when a test asks for it with Accept-Encoding). */
    private static Answer parse(byte[] bytes, boolean head) throws IOException {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? raw : raw.substring(0, end)).split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
            throw new IllegalStateException("Not an HTTP answer: " + raw.substring(0, Math.min(200, raw.length())));
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        if (head || end < 0) {
            return new Answer(status, headers, "");
        }
        byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunked(body);
        }
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }
}
