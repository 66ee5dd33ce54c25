import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shopper mix's open-loop load generator (bench/mix.sh runs it with {@code java bench/MixLoad.java}, JDK 25).
 * <p>
 * It makes guest shoppers, each with a cart, a CSRF cookie and its token ({@link Shopper#start}), then runs the mix
 * at each offered rate in turn. Request i is due at start + i / rate and is sent then whatever the earlier answers
 * were; its latency runs from that due time to the end of its answer, so a slow server shows in the percentiles
 * instead of slowing the generator down (no coordinated omission). Stateful steps (add to cart, place an order) take
 * a shopper no other request of theirs is using; cookies the app sets are carried per shopper, explicitly, since
 * they are {@code Secure} and this is plain http on loopback. At the end it can write the shoppers, one per line
 * (cookie header, token, client address, items in the cart), for the wrk script of the saturation run.
 * <p>
 * Output per rate: one {@code result key=value ...} line, then one {@code action ...} line per kind of request.
 */
public class MixLoad {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    /** Cart contents a shopper keeps at most before placing an order (an order takes at most 10 of one SKU). */
    static final int MAX_ITEMS = 4;
    /** Bodies are read only from refusals (>= 400), to report what they said; everything else is discarded unread. */
    static final HttpResponse.BodyHandler<String> REFUSALS_KEPT = info -> info.statusCode() >= 400
            ? HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8)
            : HttpResponse.BodySubscribers.replacing(null);

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        HttpClient http = client();
        Targets targets = Targets.read(o.path("targets"));
        Mix mix = Mix.parse(o.text("weights"), o.integer("seed", 1, 0, Integer.MAX_VALUE));
        List<Shopper> shoppers = Shopper.prepare(http, o.base(), targets, o.integer("shoppers", 1, 100_000), o.timeout());
        int maxInFlight = o.integer("max-in-flight", 4000, 1, 20_000);
        int warmup = o.integer("warmup-s", 0, 0, 600);
        if (warmup > 0) {
            new OpenLoop(http, o.base(), targets, mix, shoppers, o.timeout(), maxInFlight)
                    .run(o.integer("warmup-rate", 250, 1, 20_000), warmup);
        }
        for (int rate : o.integers("rates", 1, 20_000)) {
            OpenLoop run = new OpenLoop(http, o.base(), targets, mix, shoppers, o.timeout(), maxInFlight);
            run.run(rate, o.integer("seconds", 1, 600));
            run.report(System.out);
        }
        if (o.values().containsKey("shoppers-out")) {
            Files.write(o.path("shoppers-out"), shoppers.stream()
                    .map(s -> s.cookieHeader() + "\t" + s.token + "\t" + s.address + "\t" + s.items).toList());
        }
    }

    static void usage() {
        System.err.println("""
                usage: java MixLoad.java --base=URL --targets=FILE --weights=W --shoppers=N [--rates=R,... --seconds=S]
                         [--warmup-s=0 --warmup-rate=250] [--shoppers-out=FILE] [--timeout-s=10] [--max-in-flight=4000] [--seed=1]
                W: kind=weight,... with the kinds category product search home cart add checkout""");
        System.exit(2);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** {@code --key=value} arguments. */
    record Options(Map<String, String> values) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    usage();
                }
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            return new Options(values);
        }

        String text(String key) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + key + " is required");
            }
            return value;
        }

        Path path(String key) {
            return Path.of(text(key));
        }

        URI base() {
            URI base = URI.create(text("base"));
            if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
                throw new IllegalArgumentException("--base must be on loopback, got " + base);
            }
            return base;
        }

        int integer(String key, int min, int max) {
            return integer(key, null, min, max);
        }

        /** A whole number in [min, max]; the fallback when the argument is absent (required when the fallback is null). */
        int integer(String key, Integer fallback, int min, int max) {
            int n = values.containsKey(key) || fallback == null ? Integer.parseInt(text(key)) : fallback;
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + key + " must be " + min + "-" + max + ", got " + n);
            }
            return n;
        }

        /** A comma-separated list of whole numbers in [min, max]; empty when the argument is absent or empty. */
        List<Integer> integers(String key, int min, int max) {
            List<Integer> list = new ArrayList<>();
            for (String n : values.getOrDefault(key, "").split(",")) {
                if (!n.isBlank()) {
                    list.add(new Options(Map.of(key, n)).integer(key, min, max));
                }
            }
            return list;
        }

        Duration timeout() {
            return Duration.ofSeconds(integer("timeout-s", 10, 1, 120));
        }
    }

    /** What the mix requests: lines "KIND PATH" (category, product, search, home) and "sku SKU". */
    record Targets(Map<String, List<String>> byKind) {

        static Targets read(Path file) throws IOException {
            Map<String, List<String>> byKind = new TreeMap<>();
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.strip().split(" ", 2);
                if (parts.length == 2) {
                    byKind.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
                }
            }
            for (String kind : List.of("category", "product", "search", "home", "sku")) {
                if (!byKind.containsKey(kind)) {
                    throw new IllegalArgumentException("no '" + kind + "' line in " + file);
                }
            }
            return new Targets(byKind);
        }

        String any(String kind, Random random) {
            List<String> list = byKind.get(kind);
            return list.get(random.nextInt(list.size()));
        }
    }

    /** The order of request kinds: each kind as often as its weight, shuffled once, repeated. */
    record Mix(List<String> pattern) {

        static final List<String> KINDS = List.of("category", "product", "search", "home", "cart", "add", "checkout");

        static Mix parse(String weights, int seed) {
            List<String> pattern = new ArrayList<>();
            for (String entry : weights.split(",")) {
                String[] kv = entry.split("=");
                if (kv.length != 2 || !KINDS.contains(kv[0]) || !kv[1].matches("[0-9]{1,3}")) {
                    throw new IllegalArgumentException("bad weight '" + entry + "' (kinds: " + KINDS + ")");
                }
                pattern.addAll(Collections.nCopies(Integer.parseInt(kv[1]), kv[0]));
            }
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("all weights are 0");
            }
            Collections.shuffle(pattern, new Random(seed));
            return new Mix(List.copyOf(pattern));
        }

        String kind(long i) {
            return pattern.get((int) (i % pattern.size()));
        }
    }

    /** A guest shopper: cookies as the app set them, a CSRF token, a client address and what the cart holds. */
    static final class Shopper {

        final String address;
        final Map<String, String> cookies = new LinkedHashMap<>();
        String token;
        int items;

        Shopper(int n) {
            // 198.18.0.0/15 is set aside for benchmarks; one address per shopper, as the ALB would report it.
            this.address = "198.18." + (n / 250) % 256 + "." + (n % 250 + 1);
        }

        static List<Shopper> prepare(HttpClient http, URI base, Targets targets, int count, Duration timeout) throws Exception {
            Semaphore parallel = new Semaphore(8);
            List<Future<Shopper>> made = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < count; i++) {
                    Shopper shopper = new Shopper(i);
                    Random random = new Random(i);
                    made.add(pool.submit(() -> {
                        parallel.acquire();
                        try {
                            return shopper.start(http, base, targets.any("sku", random), timeout);
                        } finally {
                            parallel.release();
                        }
                    }));
                }
                List<Shopper> shoppers = new ArrayList<>();
                for (Future<Shopper> f : made) {
                    shoppers.add(f.get(timeout.toSeconds() * 4 + 60, TimeUnit.SECONDS));
                }
                return shoppers;
            }
        }

        /**
         * One item into a new cart through the JSON API (as a product page's script would; JSON calls need no token),
         * then the cart page, whose forms carry the CSRF token and which sets the CSRF cookie. An empty cart's page
         * has no form, hence this order.
         */
        Shopper start(HttpClient http, URI base, String sku, Duration timeout) throws Exception {
            HttpRequest first = HttpRequest.newBuilder(base.resolve("/api/v1/cart/items")).timeout(timeout)
                    .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + sku + "\",\"quantity\":1}")).build();
            HttpResponse<Void> added = http.send(first, HttpResponse.BodyHandlers.discarding());
            if (added.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/cart/items answered " + added.statusCode());
            }
            keepCookies(added);
            items = 1;
            HttpResponse<String> cart = http.send(get(base, "/cart", timeout).build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(cart);
            Matcher m = TOKEN.matcher(cart.body());
            if (cart.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("GET /cart answered " + cart.statusCode() + (cart.statusCode() == 200 ? " without a CSRF token" : ""));
            }
            token = m.group(1);
            return this;
        }

        HttpRequest.Builder get(URI base, String path, Duration timeout) {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("X-Forwarded-For", address)
                    .header("Cookie", cookieHeader()).GET();
        }

        HttpRequest add(URI base, String sku, Duration timeout) {
            String form = "csrf-token=" + encode(token) + "&sku=" + encode(sku) + "&quantity=1";
            return HttpRequest.newBuilder(base.resolve("/cart/add")).timeout(timeout).header("X-Forwarded-For", address)
                    .header("Cookie", cookieHeader()).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        }

        HttpRequest order(URI base, String key, Duration timeout) {
            String n = key.substring(key.lastIndexOf('-') + 1);
            String body = """
                    {"email":"%s@example.com","shippingMethod":"standard","paymentMethod":"cash-on-delivery",\
                    "shippingAddress":{"fullName":"Mix Shopper %s","line1":"Calle Mayor %s","city":"Madrid","postalCode":"28013","country":"ES"}}"""
                    .formatted(key, n, n);
            return HttpRequest.newBuilder(base.resolve("/api/v1/orders")).timeout(timeout).header("X-Forwarded-For", address)
                    .header("Cookie", cookieHeader()).header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        synchronized String cookieHeader() {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            return header.toString();
        }

        /** As a browser would: a cookie set with Max-Age=0 or an empty value is dropped. */
        synchronized void keepCookies(HttpResponse<?> response) {
            for (String set : response.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }

        static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    /** Latencies and outcomes of one kind of request (or of all). */
    static final class Tally {

        final long[] micros;
        final AtomicInteger recorded = new AtomicInteger();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final Map<Integer, AtomicLong> badStatus = new ConcurrentHashMap<>();
        /** The first answer's body per refusal status, to say what the errors were. */
        final Map<Integer, String> firstRefusal = new ConcurrentHashMap<>();

        Tally(int capacity) {
            micros = new long[capacity];
        }

        void latency(long nanos) {
            int i = recorded.getAndIncrement();
            if (i < micros.length) {
                micros[i] = nanos / 1000;
            }
        }

        long errors() {
            return timeouts.get() + failures.get() + badStatus.values().stream().mapToLong(AtomicLong::get).sum();
        }

        /** Nearest-rank percentile in ms. */
        double percentile(double p) {
            long[] sorted = Arrays.copyOf(micros, Math.min(recorded.get(), micros.length));
            if (sorted.length == 0) {
                return 0;
            }
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
        }

        String statuses() {
            StringBuilder text = new StringBuilder();
            new TreeMap<>(badStatus).forEach((status, n) -> text.append(text.isEmpty() ? "" : ",").append(status).append(':').append(n.get()));
            return text.isEmpty() ? "-" : text.toString();
        }
    }

    /** The open-loop run: a fixed schedule, answers recorded against their due time. */
    static final class OpenLoop {

        final HttpClient http;
        final URI base;
        final Targets targets;
        final Mix mix;
        final List<Shopper> shoppers;
        final Duration timeout;
        final int maxInFlight;
        final ConcurrentLinkedQueue<Shopper> withItems = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Shopper> emptyCart = new ConcurrentLinkedQueue<>();
        final Map<String, Tally> byKind = new LinkedHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicLong noShopper = new AtomicLong();
        final AtomicLong overLimit = new AtomicLong();
        final AtomicLong answeredInWindow = new AtomicLong();
        final AtomicLong placed = new AtomicLong();
        /** With the order's number in the run, the Idempotency-Key (16-100 characters) and the e-mail address. */
        final String runId = Long.toString(System.currentTimeMillis(), 36);
        final Random random = new Random(7);
        Tally all;
        int rate;
        int seconds;
        long sent;
        long maxLagNanos;
        long windowEnd;

        OpenLoop(HttpClient http, URI base, Targets targets, Mix mix, List<Shopper> shoppers, Duration timeout, int maxInFlight) {
            this.http = http;
            this.base = base;
            this.targets = targets;
            this.mix = mix;
            this.shoppers = shoppers;
            this.timeout = timeout;
            this.maxInFlight = maxInFlight;
            shoppers.forEach(s -> (s.items > 0 ? withItems : emptyCart).add(s));
        }

        void run(int rate, int seconds) throws InterruptedException {
            this.rate = rate;
            this.seconds = seconds;
            long total = (long) rate * seconds;
            all = new Tally((int) total);
            for (String kind : Mix.KINDS) {
                byKind.put(kind, new Tally((int) total));
            }
            long start = System.nanoTime() + 50_000_000L;
            windowEnd = start + seconds * 1_000_000_000L;
            for (long i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                maxLagNanos = Math.max(maxLagNanos, System.nanoTime() - due);
                send(mix.kind(i), due);
                sent++;
            }
            long drainUntil = System.nanoTime() + timeout.toNanos() + 5_000_000_000L;
            while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
                Thread.sleep(20);
            }
        }

        void send(String kind, long due) {
            Tally tally = byKind.get(kind);
            if (inFlight.get() >= maxInFlight) {
                overLimit.incrementAndGet();
                tally.failures.incrementAndGet();
                all.failures.incrementAndGet();
                return;
            }
            Shopper shopper = switch (kind) {
                case "add" -> takeForAdd();
                case "checkout" -> withItems.poll();
                default -> shoppers.get(random.nextInt(shoppers.size()));
            };
            if (shopper == null) {
                noShopper.incrementAndGet();
                return;
            }
            HttpRequest request = switch (kind) {
                case "add" -> shopper.add(base, targets.any("sku", random), timeout);
                case "checkout" -> shopper.order(base, "mix-order-" + runId + "-" + sent, timeout);
                case "cart" -> shopper.get(base, "/cart", timeout).header("Accept-Encoding", "gzip").build();
                default -> shopper.get(base, targets.any(kind, random), timeout).header("Accept-Encoding", "gzip").build();
            };
            inFlight.incrementAndGet();
            http.sendAsync(request, REFUSALS_KEPT).whenComplete((response, failure) -> {
                try {
                    answered(kind, tally, shopper, response, failure, due);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }

        Shopper takeForAdd() {
            Shopper shopper = emptyCart.poll();
            if (shopper != null) {
                return shopper;
            }
            // Not one with a full cart: checking out the fullest is left to the checkout step.
            for (int tries = 0; tries < 4 && (shopper = withItems.poll()) != null; tries++) {
                if (shopper.items < MAX_ITEMS) {
                    return shopper;
                }
                withItems.add(shopper);
            }
            return null;
        }

        void answered(String kind, Tally tally, Shopper shopper, HttpResponse<String> response, Throwable failure, long due) {
            long now = System.nanoTime();
            tally.latency(now - due);
            all.latency(now - due);
            boolean ok = failure == null && response.statusCode() < 400;
            if (failure != null) {
                (isTimeout(failure) ? tally.timeouts : tally.failures).incrementAndGet();
                (isTimeout(failure) ? all.timeouts : all.failures).incrementAndGet();
            } else if (!ok) {
                tally.badStatus.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                tally.firstRefusal.putIfAbsent(response.statusCode(), String.valueOf(response.body()).replaceAll("\\s+", " "));
                all.badStatus.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
            } else {
                tally.ok.incrementAndGet();
                all.ok.incrementAndGet();
                if (now <= windowEnd) {
                    answeredInWindow.incrementAndGet();
                }
                shopper.keepCookies(response);
            }
            switch (kind) {
                case "add" -> {
                    if (ok) {
                        shopper.items++;
                    }
                    (shopper.items > 0 ? withItems : emptyCart).add(shopper);
                }
                case "checkout" -> {
                    if (ok && response.statusCode() == 201) {
                        placed.incrementAndGet();
                    }
                    // Placed, or unknown (a timeout may still have placed it): the next order starts with an add.
                    shopper.items = 0;
                    (shopper.items > 0 ? withItems : emptyCart).add(shopper);
                }
                default -> {
                }
            }
        }

        static boolean isTimeout(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof HttpTimeoutException) {
                    return true;
                }
            }
            return false;
        }

        void report(PrintStream out) {
            out.printf("result rate=%d seconds=%d sent=%d achieved=%.1f p50=%.1f p99=%.1f p999=%.1f errors=%d timeouts=%d"
                            + " statuses=%s placed=%d no_shopper=%d over_limit=%d max_send_lag_ms=%.1f unanswered=%d%n",
                    rate, seconds, sent, answeredInWindow.get() / (double) seconds, all.percentile(50), all.percentile(99),
                    all.percentile(99.9), all.errors() + noShopper.get(), all.timeouts.get(), all.statuses(), placed.get(),
                    noShopper.get(), overLimit.get(), maxLagNanos / 1e6, inFlight.get());
            byKind.forEach((kind, t) -> out.printf("action %-9s requests=%d ok=%d p50=%.1f p99=%.1f timeouts=%d io_errors=%d statuses=%s%n",
                    kind, Math.min(t.recorded.get(), t.micros.length), t.ok.get(), t.percentile(50), t.percentile(99),
                    t.timeouts.get(), t.failures.get(), t.statuses()));
            byKind.forEach((kind, t) -> new TreeMap<>(t.firstRefusal).forEach((status, body) -> out.printf(
                    "refusal %-9s status=%d first=%s%n", kind, status, body.length() > 400 ? body.substring(0, 400) + "…" : body)));
        }
    }
}
