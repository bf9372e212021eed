import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks of the online selection line against a running distribution (see README.md beside
 * this file). One file so that `java SelectionBench.java` runs it without a build:
 *
 * <pre>
 *   citizens  BASE N FILE                 register N L2 citizens (sandbox captcha answers and bank
 *                                         card), write "idNumber TAB token" lines to FILE
 *   batch     BASE CODE UNITS CITIZENS OUT  a batch whose session runs now, with UNITS units and one
 *                                         family per citizen (operators' API, demo operator);
 *                                         writes "bid" then "familyId TAB token" lines to OUT
 *   broadcast BASE FAMILIES CLIENTS ROUNDS  CLIENTS stream clients; ROUNDS confirms; time to the
 *                                         last client seeing each
 *   confirm   BASE FAMILIES JDBC            every family confirms at once against the pool; then
 *                                         the same number of calls to GET /api/sandbox/ping;
 *                                         checks the allocations in the database
 * </pre>
 */
public class SelectionBench {

    static final String PASSWORD = "Guangsha#2026";
    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(8))
                    .build();

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        switch (args[0]) {
            case "citizens" -> citizens(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "batch" -> batch(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]), Path.of(args[5]));
            case "broadcast" -> broadcast(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "confirm" -> confirm(args[1], Path.of(args[2]), args[3]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ------------------------------------------------------------------ citizens

    static void citizens(String base, int n, Path out) throws Exception {
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = idNumber(i);
            String mobile = String.format(Locale.ROOT, "139%08d", i);
            made.add(pool.submit(() -> id + "\t" + l2Token(base, id, mobile)));
        }
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            for (Future<String> f : made) {
                w.write(f.get());
                w.newLine();
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "citizens=%d seconds=%.1f%n", n, (System.nanoTime() - t) / 1e9);
    }

    static String l2Token(String base, String idNumber, String mobile) throws Exception {
        String[] c = captcha(base);
        Resp r = call(base, "POST", "/api/identity/register", null,
                "{\"name\":\"压测家庭\",\"idNumber\":\"" + idNumber + "\",\"mobile\":\"" + mobile
                        + "\",\"password\":\"" + PASSWORD + "\",\"captchaId\":\"" + c[0]
                        + "\",\"captchaAnswer\":\"" + c[1] + "\"}");
        check(r, 201);
        c = captcha(base);
        r = call(base, "POST", "/api/identity/login", null,
                "{\"account\":\"" + idNumber + "\",\"password\":\"" + PASSWORD + "\",\"captchaId\":\""
                        + c[0] + "\",\"captchaAnswer\":\"" + c[1] + "\"}");
        check(r, 200);
        String token = field(r.body, "token");
        r = call(base, "POST", "/api/identity/verifications", token,
                "{\"method\":\"bank-card\",\"input\":{\"cardNumber\":\"6222020200112230004\",\"reservedMobile\":\""
                        + mobile + "\"}}");
        check(r, 200);
        if (!r.body.contains("\"L2\"")) {
            throw new IllegalStateException("not L2: " + r.body);
        }
        return token;
    }

    static String[] captcha(String base) throws Exception {
        Resp r = call(base, "GET", "/api/identity/captcha", null, null);
        check(r, 200);
        String id = field(r.body, "id");
        Resp a = call(base, "GET", "/api/sandbox/captcha/" + id, null, null);
        check(a, 200);
        return new String[] {id, field(a.body, "answer")};
    }

    /** The i-th made-up resident ID number (GB 11643): born 1970-01-01 + i / 1000 days, sequence i % 1000. */
    static String idNumber(int i) {
        String b = "440304" + java.time.LocalDate.of(1970, 1, 1).plusDays(i / 1000).toString().replace("-", "")
                + String.format(Locale.ROOT, "%03d", i % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (b.charAt(k) - '0') * w[k];
        }
        return b + "10X98765432".charAt(sum % 11);
    }

    // ------------------------------------------------------------------ batch

    /**
     * A batch through the operators' API ({@code POST /api/selection/admin/batches}, as the demo
     * operator): UNITS units, one session running from a minute ago for two hours, a one-hour window,
     * one family per citizen in that session; then each family's id from {@code /api/selection/me}.
     */
    static void batch(String base, String code, int units, Path citizensFile, Path out) throws Exception {
        List<String[]> citizens = new ArrayList<>();
        for (String line : Files.readAllLines(citizensFile)) {
            citizens.add(line.split("\t"));
        }
        String operator = null;
        for (int i = 0; i < 120 && operator == null; i++) { // demo accounts are seeded in the background
            String[] c = captcha(base);
            Resp r = call(base, "POST", "/api/identity/login", null,
                    "{\"account\":\"operator\",\"password\":\"Demo@2026\",\"captchaId\":\"" + c[0]
                            + "\",\"captchaAnswer\":\"" + c[1] + "\"}");
            if (r.status == 200) {
                operator = field(r.body, "token");
            } else {
                Thread.sleep(1000);
            }
        }
        Instant now = Instant.now();
        StringBuilder b = new StringBuilder();
        b.append("{\"code\":\"").append(code).append("\",\"name\":\"压测批次\",\"regionCode\":\"440304\",")
                .append("\"preselectStartsAt\":\"").append(now.minusSeconds(3600)).append("\",\"cartSize\":5,")
                .append("\"windowSeconds\":3600,\"source\":\"api\",\"units\":[");
        for (int i = 0; i < units; i++) {
            int building = 1 + i / 100;
            int floor = 1 + (i % 100) / 4;
            String room = floor + "0" + (1 + i % 4);
            b.append(i == 0 ? "" : ",").append("{\"code\":\"").append(building).append('-').append(room)
                    .append("\",\"project\":\"压测项目\",\"building\":\"").append(building).append("栋\",")
                    .append("\"unitType\":\"两房一厅\",\"orientation\":\"").append(i % 2 == 0 ? "南" : "北")
                    .append("\",\"roomNumber\":\"").append(room).append("\",\"floor\":").append(floor)
                    .append(",\"areaCentiM2\":6000,\"rentFen\":150000}");
        }
        b.append("],\"sessions\":[{\"seq\":1,\"name\":\"第1场\",\"startsAt\":\"").append(now.minusSeconds(60))
                .append("\",\"endsAt\":\"").append(now.plusSeconds(7200)).append("\",\"capacity\":")
                .append(citizens.size()).append("}],\"families\":[");
        for (int i = 0; i < citizens.size(); i++) {
            b.append(i == 0 ? "" : ",").append("{\"rank\":").append(i + 1)
                    .append(",\"applicantName\":\"压测家庭\",\"idNumber\":\"").append(citizens.get(i)[0])
                    .append("\",\"householdSize\":3,\"sessionSeq\":1}");
        }
        b.append("]}");
        long t = System.nanoTime();
        Resp created = call(base, "POST", "/api/selection/admin/batches", operator, b.toString());
        check(created, 201);
        double importSeconds = (System.nanoTime() - t) / 1e9;
        String bid = field(created.body, "id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (String[] c : citizens) {
            ids.add(pool.submit(() -> field(call(base, "GET", "/api/selection/me", c[1], null).body, "familyId")));
        }
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write(bid);
            w.newLine();
            for (int i = 0; i < citizens.size(); i++) {
                w.write(ids.get(i).get() + "\t" + citizens.get(i)[1]);
                w.newLine();
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "batch=%s units=%d families=%d import_seconds=%.2f%n", bid, units, citizens.size(), importSeconds);
    }

    // ------------------------------------------------------------------ broadcast

    static void broadcast(String base, Path familiesFile, int clients, int rounds) throws Exception {
        List<String> lines = Files.readAllLines(familiesFile);
        String bid = lines.get(0);
        List<String[]> families = lines.subList(1, lines.size()).stream().map(l -> l.split("\t")).toList();
        List<String> free = freeUnits(base, bid);
        if (families.size() < rounds || free.size() < rounds) {
            throw new IllegalStateException("need " + rounds + " families and free units");
        }
        // each round's family declares and puts its unit in its FORMAL cart first (not timed)
        Map<String, String> codeOf = new HashMap<>();
        for (String u : free) {
            codeOf.put(u.split("\t")[0], u.split("\t")[1]);
        }
        String[] unitIds = new String[rounds];
        for (int r = 0; r < rounds; r++) {
            String[] f = families.get(r);
            unitIds[r] = free.get(r).split("\t")[0];
            check(call(base, "POST", "/api/selection/families/" + f[0] + "/formal/declaration", f[1], "{}"), 200);
            check(call(base, "POST", "/api/selection/families/" + f[0] + "/cart/FORMAL/items", f[1],
                    "{\"unitId\":\"" + unitIds[r] + "\"}"), 200);
        }
        long seq = Long.parseLong(field(call(base, "GET", "/api/selection/public/batches/" + bid + "/availability", null, null).body, "seq"));
        URI uri = URI.create(base);
        StreamClients streams = new StreamClients(uri.getHost(), uri.getPort(),
                "/api/selection/public/batches/" + bid + "/availability/stream?since=" + seq, clients);
        long t = System.nanoTime();
        streams.connectAll();
        System.out.printf(Locale.ROOT, "connected=%d of %d in %.1f s%n", streams.connected(), clients, (System.nanoTime() - t) / 1e9);
        Thread.sleep(10_000); // run.sh reads the server's memory meanwhile
        System.out.println("# round confirm_ms first_ms p50_ms last_ms missing");
        List<Double> lasts = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            String[] f = families.get(r);
            String code = codeOf.get(unitIds[r]);
            streams.expect(code);
            long t0 = System.nanoTime();
            Resp c = call(base, "POST", "/api/selection/families/" + f[0] + "/formal/confirm", f[1],
                    "{\"unitId\":\"" + unitIds[r] + "\",\"idempotencyKey\":\"bench-" + UUID.randomUUID() + "\"}");
            double confirmMs = (System.nanoTime() - t0) / 1e6;
            check(c, 200);
            long[] seen = streams.await(code, 10_000);
            long[] arrived = Arrays.stream(seen).filter(x -> x > 0).map(x -> x - t0).sorted().toArray();
            int missing = clients - arrived.length;
            double last = arrived.length == 0 ? Double.NaN : arrived[arrived.length - 1] / 1e6;
            lasts.add(missing == 0 ? last : Double.POSITIVE_INFINITY);
            System.out.printf(Locale.ROOT, "%d %.1f %.1f %.1f %.1f %d%n", r + 1, confirmMs,
                    arrived.length == 0 ? Double.NaN : arrived[0] / 1e6,
                    arrived.length == 0 ? Double.NaN : arrived[arrived.length / 2] / 1e6, last, missing);
            Thread.sleep(1000);
        }
        Collections.sort(lasts);
        System.out.printf(Locale.ROOT, "broadcast clients=%d rounds=%d last_client_p50=%.0f ms last_client_max=%.0f ms still_connected=%d%n",
                clients, rounds, lasts.get(lasts.size() / 2), lasts.get(lasts.size() - 1), streams.connected());
        streams.close();
    }

    /** "id TAB code" of the batch's free units, from the snapshot. */
    static List<String> freeUnits(String base, String bid) throws Exception {
        Resp r = call(base, "GET", "/api/selection/public/batches/" + bid + "/availability", null, null);
        check(r, 200);
        List<String> free = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"code\":\"([^\"]+)\"[^}]*\"status\":\"FREE\"\\}").matcher(r.body);
        while (m.find()) {
            free.add(m.group(1) + "\t" + m.group(2));
        }
        return free;
    }

    /**
     * Many server-sent event clients on one selector thread: HTTP/1.1 with chunked bodies decoded,
     * each event's data scanned for the unit code a round waits for.
     */
    static final class StreamClients {
        final String host;
        final int port;
        final String path;
        final int n;
        final Selector selector;
        final Conn[] conns;
        final AtomicInteger hello = new AtomicInteger();
        final Map<String, long[]> arrivals = new ConcurrentHashMap<>();
        volatile boolean running = true;
        Thread reader;

        StreamClients(String host, int port, String path, int n) throws IOException {
            this.host = host;
            this.port = port;
            this.path = path;
            this.n = n;
            this.selector = Selector.open();
            this.conns = new Conn[n];
        }

        void connectAll() throws Exception {
            reader = new Thread(this::loop, "sse-clients");
            reader.start();
            int step = 250;
            for (int i = 0; i < n; i += step) {
                for (int j = i; j < Math.min(n, i + step); j++) {
                    SocketChannel ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    ch.connect(new InetSocketAddress(host, port));
                    conns[j] = new Conn(j, ch);
                    pending.add(conns[j]);
                }
                selector.wakeup();
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (hello.get() < Math.min(n, i + step) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
        }

        final java.util.Queue<Conn> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();

        int connected() {
            int c = 0;
            for (Conn x : conns) {
                if (x != null && x.open && x.helloSeen) {
                    c++;
                }
            }
            return c;
        }

        void expect(String code) {
            arrivals.put(code, new long[n]);
        }

        long[] await(String code, long timeoutMs) throws InterruptedException {
            long[] a = arrivals.get(code);
            long deadline = System.nanoTime() + timeoutMs * 1_000_000;
            while (System.nanoTime() < deadline) {
                boolean all = true;
                for (int i = 0; i < n && all; i++) {
                    all = a[i] != 0 || !conns[i].open;
                }
                if (all) {
                    break;
                }
                Thread.sleep(1);
            }
            return a.clone();
        }

        void loop() {
            ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
            try {
                while (running) {
                    Conn c;
                    while ((c = pending.poll()) != null) {
                        c.ch.register(selector, SelectionKey.OP_CONNECT, c);
                    }
                    selector.select(100);
                    long now = System.nanoTime();
                    Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                    while (it.hasNext()) {
                        SelectionKey k = it.next();
                        it.remove();
                        Conn x = (Conn) k.attachment();
                        try {
                            if (k.isConnectable()) {
                                x.ch.finishConnect();
                                x.ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                                        + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                                k.interestOps(SelectionKey.OP_READ);
                            } else if (k.isReadable()) {
                                buf.clear();
                                int read = x.ch.read(buf);
                                if (read < 0) {
                                    x.open = false;
                                    k.cancel();
                                    x.ch.close();
                                    continue;
                                }
                                buf.flip();
                                byte[] bytes = new byte[buf.remaining()];
                                buf.get(bytes);
                                x.feed(bytes, now);
                            }
                        } catch (IOException e) {
                            x.open = false;
                            k.cancel();
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void close() throws IOException {
            running = false;
            for (Conn c : conns) {
                if (c != null) {
                    c.ch.close();
                }
            }
        }

        final class Conn {
            final int index;
            final SocketChannel ch;
            volatile boolean open = true;
            volatile boolean helloSeen;
            boolean headersDone;
            final StringBuilder head = new StringBuilder();
            // chunked decoding
            int chunkLeft = -1;
            final StringBuilder sizeLine = new StringBuilder();
            int skipCrlf;
            final StringBuilder event = new StringBuilder();

            Conn(int index, SocketChannel ch) {
                this.index = index;
                this.ch = ch;
            }

            void feed(byte[] bytes, long now) {
                int i = 0;
                if (!headersDone) {
                    for (; i < bytes.length && !headersDone; i++) {
                        head.append((char) bytes[i]);
                        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                            headersDone = true;
                            if (!head.toString().startsWith("HTTP/1.1 200")) {
                                System.err.println("stream refused: " + head);
                                open = false;
                            }
                        }
                    }
                }
                while (i < bytes.length) {
                    if (skipCrlf > 0) {
                        skipCrlf--;
                        i++;
                    } else if (chunkLeft <= 0) {
                        char ch = (char) bytes[i++];
                        if (ch == '\n') {
                            String s = sizeLine.toString().trim();
                            sizeLine.setLength(0);
                            if (!s.isEmpty()) {
                                chunkLeft = Integer.parseInt(s.split(";")[0], 16);
                                if (chunkLeft == 0) {
                                    open = false;
                                }
                            }
                        } else {
                            sizeLine.append(ch);
                        }
                    } else {
                        int take = Math.min(chunkLeft, bytes.length - i);
                        text(new String(bytes, i, take, StandardCharsets.UTF_8), now);
                        i += take;
                        chunkLeft -= take;
                        if (chunkLeft == 0) {
                            chunkLeft = -1;
                            skipCrlf = 2;
                        }
                    }
                }
            }

            void text(String s, long now) {
                event.append(s);
                int end;
                while ((end = event.indexOf("\n\n")) >= 0) {
                    String e = event.substring(0, end);
                    event.delete(0, end + 2);
                    if (!helloSeen && e.startsWith(": ok")) {
                        helloSeen = true;
                        hello.incrementAndGet();
                    }
                    int at = e.indexOf("\"code\":\"");
                    if (at >= 0) {
                        String code = e.substring(at + 8, e.indexOf('"', at + 8));
                        long[] a = arrivals.get(code);
                        if (a != null && a[index] == 0) {
                            a[index] = now;
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ confirm load

    static void confirm(String base, Path familiesFile, String jdbc) throws Exception {
        List<String> lines = Files.readAllLines(familiesFile);
        String bid = lines.get(0);
        List<String[]> families = lines.subList(1, lines.size()).stream().map(l -> l.split("\t")).toList();
        List<String> free = freeUnits(base, bid);
        Random random = new Random(42);
        int n = families.size();
        // each family: formal declaration, then 5 intents drawn from the free units (not timed)
        String[][] intents = new String[n][];
        ExecutorService prep = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            List<String> pick = new ArrayList<>(free);
            Collections.shuffle(pick, random);
            intents[k] = pick.subList(0, 5).stream().map(u -> u.split("\t")[0]).toArray(String[]::new);
            done.add(prep.submit(() -> {
                String[] f = families.get(k);
                check(call(base, "POST", "/api/selection/families/" + f[0] + "/formal/declaration", f[1], "{}"), 200);
                for (String u : intents[k]) {
                    check(call(base, "POST", "/api/selection/families/" + f[0] + "/cart/FORMAL/items", f[1],
                            "{\"unitId\":\"" + u + "\"}"), 200);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        prep.shutdown();
        System.out.printf("prepared families=%d free_units=%d%n", n, free.size());

        // warm-up of what every call goes through (connections, token check, JAX-RS), and of the
        // confirm's reads: a unit that is not among the family's intents is refused (400) after
        // the family, its session, window and cart are read, and nothing is allocated
        load(n, i -> List.of(new Call("GET", "/api/sandbox/ping", families.get(i)[1], null)), base, true);
        Load warm = load(n, i -> List.of(new Call("POST", "/api/selection/families/" + families.get(i)[0] + "/formal/confirm",
                families.get(i)[1], "{\"unitId\":\"not-an-intent\",\"idempotencyKey\":\"warm-up-" + i + "\"}")), base);
        if (warm.statuses.keySet().stream().anyMatch(st -> st != 400)) {
            throw new IllegalStateException("warm-up confirms should all be refused with 400: " + warm.statuses);
        }
        // the baseline: the same callers, the same concurrency, an empty authenticated endpoint,
        // as many calls per caller as a family has intents
        Load ping = load(n, i -> Collections.nCopies(5, new Call("GET", "/api/sandbox/ping", families.get(i)[1], null)), base);
        // the confirms: each family confirms its first intent; taken, it tries the next, as a person would
        Load confirms = load(n, i -> {
            List<Call> calls = new ArrayList<>();
            for (String u : intents[i]) {
                calls.add(new Call("POST", "/api/selection/families/" + families.get(i)[0] + "/formal/confirm",
                        families.get(i)[1], "{\"unitId\":\"" + u + "\",\"idempotencyKey\":\"load-" + i + "-" + u.substring(0, 8) + "\"}"));
            }
            return calls;
        }, base);
        System.out.println(ping.describe("ping   "));
        System.out.println(confirms.describe("confirm"));
        List<Long> okMs = new ArrayList<>(confirms.okLatencies);
        Collections.sort(okMs);
        System.out.printf(Locale.ROOT, "confirms that got their unit: p50=%.0f ms p99=%.0f ms%n",
                okMs.get(okMs.size() / 2) / 1e6, okMs.get((int) (okMs.size() * 0.99)) / 1e6);
        System.out.printf(Locale.ROOT, "confirm/ping throughput = %.0f %%%n", 100.0 * confirms.perSecond() / ping.perSecond());

        try (Connection c = DriverManager.getConnection(jdbc, "guangsha", "guangsha")) {
            long allocations = count(c, "SELECT COUNT(*) FROM SEL_ALLOCATION WHERE BATCH_ID = ?", bid);
            long units = count(c, "SELECT COUNT(DISTINCT UNIT_ID) FROM SEL_ALLOCATION WHERE BATCH_ID = ?", bid);
            long fams = count(c, "SELECT COUNT(DISTINCT FAMILY_ID) FROM SEL_ALLOCATION WHERE BATCH_ID = ?", bid);
            long confirmed = count(c, "SELECT COUNT(*) FROM SEL_FAMILY WHERE BATCH_ID = ? AND STATUS = 'CONFIRMED'", bid);
            long changes = count(c, "SELECT COUNT(*) FROM SEL_CHANGE WHERE BATCH_ID = ?", bid);
            System.out.printf("allocations=%d distinct_units=%d distinct_families=%d confirmed_families=%d changes=%d ok_answers=%d double_allocations=%d%n",
                    allocations, units, fams, confirmed, changes, confirms.ok.get(), (allocations - units) + (allocations - fams));
        }
    }

    static long count(Connection c, String sql, String p) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, p);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    record Call(String method, String path, String token, String body) {}

    /** What one run of n concurrent callers did. */
    static final class Load {
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final List<Long> okLatencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        double seconds;

        double perSecond() {
            return latencies.size() / seconds;
        }

        String describe(String label) {
            List<Long> l = new ArrayList<>(latencies);
            Collections.sort(l);
            return String.format(Locale.ROOT, "%s requests=%d seconds=%.2f per_s=%.0f p50=%.0f ms p99=%.0f ms max=%.0f ms ok=%d conflict=%d other=%d statuses=%s retried=%d",
                    label, l.size(), seconds, perSecond(), l.get(l.size() / 2) / 1e6, l.get((int) (l.size() * 0.99)) / 1e6,
                    l.get(l.size() - 1) / 1e6, ok.get(), conflicts.get(), errors.get(), statuses, retried.get());
        }
    }

    /**
     * n callers at once (all released together), each making its calls in turn (a confirm stops at
     * its first 200: the family has its unit); every request's latency is kept.
     */
    static Load load(int n, java.util.function.IntFunction<List<Call>> plan, String base) throws Exception {
        return load(n, plan, base, false);
    }

    /** One client for every load phase: each caller keeps its connection from phase to phase. */
    static final HttpClient LOAD_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    /**
     * As above; {@code stagger}: the callers start over one second, twenty at a time (the first
     * phase, which opens the connections: a thousand connects at once overflow the listen queue).
     */
    static Load load(int n, java.util.function.IntFunction<List<Call>> plan, String base, boolean stagger) throws Exception {
        Load load = new Load();
        ExecutorService callers = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        HttpClient http = LOAD_HTTP;
        for (int i = 0; i < n; i++) {
            List<Call> calls = plan.apply(i);
            int wave = i % 50;
            fs.add(callers.submit(() -> {
                ready.countDown();
                go.await();
                if (stagger) {
                    Thread.sleep(wave * 20L);
                }
                for (Call c : calls) {
                    long t = System.nanoTime();
                    Resp r;
                    try {
                        r = call(http, base, c.method(), c.path(), c.token(), c.body());
                    } catch (IOException e) {
                        load.retried.incrementAndGet(); // a pooled connection the server had closed
                        t = System.nanoTime();
                        r = call(http, base, c.method(), c.path(), c.token(), c.body());
                    }
                    load.latencies.add(System.nanoTime() - t);
                    load.statuses.computeIfAbsent(r.status, s -> new AtomicInteger()).incrementAndGet();
                    if (r.status == 200) {
                        load.ok.incrementAndGet();
                        load.okLatencies.add(System.nanoTime() - t);
                        if (c.body() != null) {
                            break;
                        }
                    } else if (r.status == 409) {
                        load.conflicts.incrementAndGet();
                    } else if (c.body() != null && c.body().contains("not-an-intent")) {
                        break;
                    } else {
                        load.errors.incrementAndGet();
                        System.err.println(r.status + " " + r.body);
                        break;
                    }
                }
                return null;
            }));
        }
        ready.await();
        long t = System.nanoTime();
        go.countDown();
        for (Future<?> f : fs) {
            f.get();
        }
        load.seconds = (System.nanoTime() - t) / 1e9;
        callers.shutdown();
        return load;
    }

    // ------------------------------------------------------------------ HTTP

    record Resp(int status, String body) {}

    static Resp call(String base, String method, String path, String token, String body) throws Exception {
        return call(HTTP, base, method, path, token, body);
    }

    static Resp call(HttpClient http, String base, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Resp(r.statusCode(), r.body());
    }

    static void check(Resp r, int status) {
        if (r.status != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.status + ": " + r.body);
        }
    }

    /** A top-level string or number field of a JSON object (enough for these answers). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*(\"([^\"]*)\"|(-?[0-9]+))").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
