package com.virtpanel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.UiTab;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VaadinUi;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 22 item 4: N signed-in customers at once (50, 100, 200), each loading "My servers",
 * then one server's page and its Usage tab (live updates: polled every 4 s, pushed over Vaadin's WebSocket) through
 * Vaadin's own protocol, spoken by a protocol-level client (no browsers): the route's index page,
 * the {@code v-r=init} request that creates the UI, UIDL requests that navigate and poll, and the
 * push channel. The customers sign in first (not timed: password hashing is not the UI), then
 * arrive (a surge within 5 s, or 200 spread over a minute: {@link #LOADS}) and poll every 4 s as
 * the page tells the browser to, until the round ends.
 * Prints p50/p95 and the mean response size per request kind, each request against the login page's
 * GET that a probe makes ten times a second beside the customers (paired with the probe's reading
 * just before the request began, as the console benchmark pairs its figures; a probe rather than
 * a login GET before each customer's step, which doubled the requests no real customer makes),
 * and the heap each session costs (used heap after GC, before and after the N sessions, divided by
 * N; the client runs in the same JVM, so the figure with push open includes its WebSocket).
 *
 * <p>The servers are database rows (three per customer): the list and the server page read only
 * the database, so no guest is needed, and a row without a domain is what the status sync leaves
 * alone. Run with ./panel bench.
 */
@IntegrationTest
class UiLoadBenchmark {

    /**
     * Per round, customers@seconds: that many customers arrive spread over that many seconds, as
     * people do, and their visits overlap. The last round holds 200 sessions open at a pace the
     * machine can serve (a customer's visit every 0.3 s, every open page polling); the others are
     * surges. {@code -Dvp.uiLoads=5@5,10@5} for a quick look.
     */
    static final List<Load> LOADS = java.util.Arrays.stream(System.getProperty("vp.uiLoads", "50@5,100@5,200@5,200@60").split(","))
            .map(Load::parse).toList();
    /** A surge's arrivals, and a round's when it names no seconds. */
    static final long SURGE_MS = 5000;
    static final int SERVERS_EACH = 3;
    /** Polls after the last customer arrived: every page keeps polling until then, as an open tab does. */
    static final int POLLS = 3;
    /** As the server page asks the browser to (LiveServerUpdates): one poll every 4 s. */
    static final long POLL_INTERVAL_MS = 4000;
    static final int CLIENT_THREADS = 16;
    /** The baseline probe's pace: light beside the customers (about 1 % of a core here). */
    static final long PROBE_INTERVAL_MS = 100;

    static final String BASELINE = "login page GET (probe, baseline)";
    static final String[] KINDS = {"route GET (index page)", "v-r=init (UI created)", "UIDL navigate: My servers",
            "push WebSocket open", "UIDL navigate: server page", "UIDL navigate: its Usage tab", "UIDL poll (server page)"};

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    @Autowired Users users;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Value("${local.server.port}") int port;

    HttpClient http;
    String base;

    record Customer(String email, List<Long> serverIds, List<String> serverNames) {
    }

    record Load(int customers, long arrivalsMs) {
        static Load parse(String text) {
            String[] parts = text.trim().split("@");
            return new Load(Integer.parseInt(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) * 1000 : SURGE_MS);
        }
    }

    /** What a signed-in browser tab holds: its session, its UI and where the UIDL conversation is. */
    static final class Tab {
        String session;
        UiTab page;
        WebSocket push;
        final AtomicInteger pushed = new AtomicInteger();
    }

    @Test
    void manyCustomersLoadTheirServersAndAServerPageAtOnce() throws Exception {
        ExecutorService clientPool = Executors.newFixedThreadPool(CLIENT_THREADS);
        http = HttpClient.newBuilder().executor(clientPool).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        base = "http://localhost:" + port;
        List<Customer> customers = seed(LOADS.stream().mapToInt(Load::customers).max().orElseThrow());

        StringBuilder out = new StringBuilder();
        runLoad(customers.subList(0, Math.min(10, customers.size())), SURGE_MS, new Samples()).forEach(this::closePush); // warm-up: JIT, Vaadin's caches
        PairedRatios ratios = new PairedRatios();
        for (Load load : LOADS) {
            int n = load.customers();
            long before = usedHeapAfterGc();
            Samples samples = new Samples();
            List<Tab> tabs = runLoad(customers.subList(0, n), load.arrivalsMs(), samples);
            long withPush = usedHeapAfterGc();
            tabs.forEach(this::closePush);
            long withoutPush = usedHeapAfterGc();
            int start = out.length();
            out.append(String.format(Locale.ROOT,
                    "%n%d customers signed in, arriving within %d s (%d servers each; the server page polls every %d s until %d polls after the last arrival):%n",
                    n, load.arrivalsMs() / 1000, SERVERS_EACH, POLL_INTERVAL_MS / 1000, POLLS));
            out.append(String.format(Locale.ROOT, "  %-30s %6s %9s %9s %8s   %s%n", "request", "n", "p50 ms", "p95 ms",
                    "KiB", "ratio to baseline (median of pairs, 95 % interval)"));
            double[] baseline = samples.probe.readings();
            out.append(String.format(Locale.ROOT, "  %-30s %6d %9.1f %9.1f%n", BASELINE, baseline.length,
                    PairedRatios.median(baseline), PairedRatios.percentile(baseline, 95)));
            double worstP95 = 0;
            for (String kind : KINDS) {
                double[] subject = samples.subject(kind);
                if (subject.length == 0) {
                    out.append(String.format(Locale.ROOT, "  %-30s no samples (every flow failed before it)%n", kind));
                    continue;
                }
                PairedRatios.Ratio ratio = ratios.of(subject, samples.baseline(kind), false);
                double p95 = PairedRatios.percentile(subject, 95);
                worstP95 = Math.max(worstP95, p95);
                out.append(String.format(Locale.ROOT, "  %-30s %6d %9.1f %9.1f %8.1f   %s%n", kind, subject.length,
                        PairedRatios.median(subject), p95, samples.meanKib(kind), ratio.interval()));
            }
            double perSession = (withPush - before) / (double) n / (1 << 20);
            double perSessionNoPush = (withoutPush - before) / (double) n / (1 << 20);
            out.append(String.format(Locale.ROOT,
                    "  heap per session: %.3f MiB with its push WebSocket open (includes this client's WebSocket), %.3f MiB after the client closed it%n",
                    perSession, perSessionNoPush));
            out.append(String.format(Locale.ROOT, "  goal p95 < 200 ms: %s (worst kind %.1f ms); goal < 1 MiB per session: %s; push messages received: %d; failures: %d%n",
                    worstP95 < 200 ? "met" : "NOT met", worstP95, perSession < 1 ? "met" : "NOT met",
                    tabs.stream().mapToInt(t -> t.pushed.get()).sum(), samples.failures.get()));
            System.out.print(out.substring(start)); // each round as it ends: a later round's failure keeps this one's figures
            assertThat(samples.failures.get()).as("failed customer flows (see the log)").isZero();
        }
        System.out.println("\n=== UI load benchmark (Vaadin's protocol, no browsers) ===" + out + "\n");
        clientPool.shutdownNow();
    }

    /** The seeded rows count against the host's capacity in this (shared, cached) context: gone afterwards. */
    @AfterEach
    void deleteSeededServers() {
        jdbc.update("update server set status = 'DELETED', deleted_at = ?, active_name = null where domain_name like 'vp-uibench-%'",
                Timestamp.from(Instant.now()));
    }

    // --- the load ------------------------------------------------------------------------------------

    /** Signs all in first (not timed: password hashing is not the UI), then runs their pages at once. */
    List<Tab> runLoad(List<Customer> customers, long arrivalsMs, Samples samples) throws Exception {
        ExecutorService users = Executors.newFixedThreadPool(customers.size());
        try {
            List<Future<Tab>> signIns = new ArrayList<>();
            for (Customer c : customers) {
                signIns.add(users.submit(() -> signIn(c)));
            }
            List<Tab> tabs = new ArrayList<>();
            for (Future<Tab> f : signIns) {
                tabs.add(f.get(5, TimeUnit.MINUTES));
            }
            CountDownLatch go = new CountDownLatch(1);
            long pollsEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(arrivalsMs + POLLS * POLL_INTERVAL_MS);
            List<Future<?>> flows = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) {
                Customer c = customers.get(i);
                Tab tab = tabs.get(i);
                long arrival = arrivalsMs * i / customers.size();
                flows.add(users.submit(() -> {
                    go.await();
                    Thread.sleep(arrival);
                    try {
                        pages(c, tab, pollsEnd, samples);
                    } catch (Exception | AssertionError e) {
                        samples.failures.incrementAndGet();
                        System.err.println("UI load: customer flow failed: " + e + refusal(e));
                    }
                    return null;
                }));
            }
            try (Probe probe = new Probe().start()) {
                go.countDown();
                for (Future<?> f : flows) {
                    f.get(10, TimeUnit.MINUTES);
                }
                samples.probe = probe;
            }
            return tabs;
        } finally {
            users.shutdown();
        }
    }

    /**
     * One customer's visit, each step timed, each paired with a GET of the login page just before;
     * the server page then polls until {@code pollsEnd} (at least once).
     */
    void pages(Customer c, Tab tab, long pollsEnd, Samples samples) throws Exception {
        String route = "servers";
        String index = timed(samples, KINDS[0], tab, () -> get(tab, "/" + route)).body();
        String init = timed(samples, KINDS[1], tab, () -> get(tab, "/?v-r=init&location=" + route + "&query=")).body();
        tab.page = UiTab.of(http, port, tab.session, new VaadinUi(init)); // the index page carries no UI here: the client asks for it with v-r=init
        String list = timed(samples, KINDS[2], tab, () -> tab.page.send(VaadinUi.navigate(route, "")));
        assertThat(list).as("the servers list names the customer's servers").contains(c.serverNames().get(0));
        timed(samples, KINDS[3], tab, () -> {
            openPush(tab);
            return null;
        });
        String page = "servers/" + c.serverIds().get(0);
        String detail = timed(samples, KINDS[4], tab, () -> tab.page.send(VaadinUi.navigate(page, "")));
        assertThat(detail).as("the server page shows the server").contains(c.serverNames().get(0)).contains("server-status");
        // Watching the usage: the tab by its address, which makes the whole page again (a click on
        // the tab makes only the tab's section, so this is the dearer way to the same graphs).
        String usage = timed(samples, KINDS[5], tab, () -> tab.page.send(VaadinUi.navigate(page, "tab=usage")));
        assertThat(usage).as("the Usage tab shows the graphs").contains("usage-cpu");
        do {
            Thread.sleep(POLL_INTERVAL_MS);
            timed(samples, KINDS[6], tab, () -> tab.page.send(VaadinUi.POLL));
        } while (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_INTERVAL_MS) <= pollsEnd);
    }

    interface Step<T> {
        T run() throws Exception;
    }

    <T> T timed(Samples samples, String kind, Tab tab, Step<T> step) throws Exception {
        long t0 = System.nanoTime();
        T result = step.run();
        samples.add(kind, t0, (System.nanoTime() - t0) / 1e6);
        samples.bytes(kind, result instanceof HttpResponse<?> r && r.body() instanceof String b ? b.length()
                : result instanceof String b ? b.length() : 0);
        return result;
    }

    /**
     * GETs the login page every {@link #PROBE_INTERVAL_MS} on a connection of its own until closed:
     * how the panel answers its lightest page at each moment of the round.
     */
    final class Probe implements AutoCloseable {
        private final java.util.concurrent.ConcurrentSkipListMap<Long, Double> readings = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        Probe start() {
            timer.scheduleWithFixedDelay(this::read, 0, PROBE_INTERVAL_MS, TimeUnit.MILLISECONDS);
            return this;
        }

        private void read() {
            try {
                long t0 = System.nanoTime();
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (login.statusCode() < 400) {
                    readings.put(t0, (System.nanoTime() - t0) / 1e6);
                }
            } catch (java.io.IOException | InterruptedException e) {
                // a missed reading: the next one is 0.1 s away
            }
        }

        /** The reading that began last before {@code nanos} (the first one for a request before any). */
        double before(long nanos) {
            var entry = readings.floorEntry(nanos);
            return (entry != null ? entry : readings.firstEntry()).getValue();
        }

        double[] readings() {
            return readings.values().stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public void close() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    // --- Vaadin's protocol ---------------------------------------------------------------------------

    /**
     * Vaadin's push channel as the Atmosphere client opens it (transport websocket). The server may
     * accept the upgrade with {@code Connection: upgrade, close} (a connection at its keep-alive limit),
     * which browsers take, as RFC 6455 asks, but the JDK's client refuses: that one is tried again.
     */
    void openPush(Tab tab) throws Exception {
        if (tab.page.ui().pushId == null) {
            throw new IllegalStateException("the UI has no push id: is @Push on?");
        }
        try {
            tab.push = pushSocket(tab);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof java.net.http.WebSocketHandshakeException refused)
                    || refused.getResponse().statusCode() != 101) {
                throw e;
            }
            tab.push = pushSocket(tab);
        }
    }

    private WebSocket pushSocket(Tab tab) throws Exception {
        String query = "v-r=push&v-uiId=" + tab.page.ui().uiId + "&v-pushId=" + enc(tab.page.ui().pushId)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript&X-Atmosphere-Transport=websocket"
                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=" + enc("application/json; charset=UTF-8")
                + "&X-atmo-protocol=true";
        return http.newWebSocketBuilder().header("Cookie", "JSESSIONID=" + tab.session)
                .buildAsync(URI.create("ws://localhost:" + port + "/VAADIN/push?" + query), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        tab.pushed.incrementAndGet();
                        ws.request(1);
                        return null;
                    }
                }).get(60, TimeUnit.SECONDS);
    }

    /** What the server answered to a refused WebSocket upgrade, which the exception does not say. */
    static String refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.WebSocketHandshakeException refused) {
                HttpResponse<?> r = refused.getResponse();
                return " (HTTP " + r.statusCode() + " " + r.headers().map() + " " + r.body() + ")";
            }
        }
        return "";
    }

    void closePush(Tab tab) {
        if (tab.push != null) {
            tab.push.abort();
            tab.push = null;
        }
    }

    // --- signing in, seeding -------------------------------------------------------------------------

    /** The login form with its CSRF token, as WebLogin does, on the shared client (one cookie by hand). */
    Tab signIn(Customer c) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String session = cookie(page, null);
        String parameter = "_csrf";
        String token = null;
        Matcher m = CSRF_META.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals("_csrf")) {
                token = m.group(2);
            } else {
                parameter = m.group(2);
            }
        }
        String form = "username=" + enc(c.email()) + "&password=" + enc(Users.PASSWORD)
                + (token == null ? "" : "&" + enc(parameter) + "=" + enc(token));
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + posted.statusCode() + " → " + location);
        }
        Tab tab = new Tab();
        tab.session = cookie(posted, session); // a new session id after sign-in (fixation protection)
        return tab;
    }

    private static String cookie(HttpResponse<?> r, String otherwise) {
        return r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
                .map(v -> v.substring("JSESSIONID=".length(), v.indexOf(';') < 0 ? v.length() : v.indexOf(';')))
                .reduce((a, b) -> b).orElse(otherwise);
    }

    HttpResponse<String> get(Tab tab, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "JSESSIONID=" + tab.session).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400 || r.statusCode() == 302) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.headers().firstValue("Location").orElse(""));
        }
        return r;
    }

    List<Customer> seed(int n) {
        long plan = catalog.plans().get(0).id();
        long image = catalog.orderableImage("demo").id();
        List<Customer> customers = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        // One customer signs up the ordinary way; the others are copies of its row (same password
        // hash): 200 sign-ups with their password hashing took minutes on a loaded machine.
        AccountSummary template = users.newCustomer();
        for (int i = 0; i < n; i++) {
            String email = i == 0 ? template.email() : "ui-" + i + "-" + template.email();
            if (i > 0) {
                jdbc.update("insert into account (email, password_hash, role, status, created_at, email_verified_at) "
                        + "select ?, password_hash, role, status, created_at, email_verified_at from account where id = ?",
                        email, template.id());
            }
            long accountId = jdbc.queryForObject("select id from account where email = ?", Long.class, email);
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int k = 0; k < SERVERS_EACH; k++) {
                String name = "ui-" + i + "-" + k;
                String domain = "vp-uibench-" + UUID.randomUUID();
                jdbc.update("insert into server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, "
                        + "status_changed_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'RUNNING', ?, '52:54:00:00:00:01', ?, ?, ?)",
                        accountId, name, domain, plan, image, domain, now, now, now);
                ids.add(jdbc.queryForObject("select id from server where domain_name = ?", Long.class, domain));
                names.add(name);
            }
            customers.add(new Customer(email, ids, names));
        }
        return customers;
    }

    // --- measuring -------------------------------------------------------------------------------------

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Per kind, (start, time) of each request; the probe's readings give each its baseline. */
    static final class Samples {
        record Timing(long startNanos, double millis) {
        }

        final Map<String, List<Timing>> timings = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();
        final Map<String, java.util.concurrent.atomic.AtomicLong> bytes = new ConcurrentHashMap<>();
        Probe probe;

        void bytes(String kind, long n) {
            bytes.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.AtomicLong()).addAndGet(n);
        }

        double meanKib(String kind) {
            int n = subject(kind).length;
            return n == 0 ? 0 : bytes.getOrDefault(kind, new java.util.concurrent.atomic.AtomicLong()).get() / 1024.0 / n;
        }

        void add(String kind, long startNanos, double millis) {
            timings.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Timing(startNanos, millis));
        }

        double[] subject(String kind) {
            return list(kind).stream().mapToDouble(Timing::millis).toArray();
        }

        /** For each request of this kind, the probe's reading that began just before it. */
        double[] baseline(String kind) {
            return list(kind).stream().mapToDouble(t -> probe.before(t.startNanos())).toArray();
        }

        private List<Timing> list(String kind) {
            List<Timing> list = timings.getOrDefault(kind, List.of());
            synchronized (list) {
                return List.copyOf(list);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
