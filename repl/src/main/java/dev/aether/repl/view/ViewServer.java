package dev.aether.repl.view;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aether.repl.session.LiveSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * {@code :view}: a small read-only web page for the projector, served with the JDK's HTTP server. It shows the graph,
 * a scope, a spectrum and the {@code :cpu} figures, updated {@value #FRAMES_PER_SECOND} times a second over
 * server-sent events ({@code GET /events}), and highlights the slot defined last.
 *
 * <p>Threads: its own, all daemons, none of them the console's or the audio thread. One sampler thread
 * ({@code aether-view-sampler}) reads an ordinary master tap (opened only while a page watches) and builds each frame;
 * at most {@value #MAX_VIEWERS} + 2 handler threads ({@code aether-view-N}) answer requests, one per watching page,
 * each sending only the newest frame (a slow page skips frames, nothing queues up). A page beyond
 * {@value #MAX_VIEWERS} is refused with 503 and a line at the console; a page that goes away ends its thread at the
 * next frame it cannot be sent. {@link #close} stops everything and closes every connection.
 *
 * <p>Only GET is answered (anything else: 405). Bound to a loopback address it answers only loopback peers that name
 * it by a loopback host ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}; 403 otherwise, so a web page elsewhere
 * cannot read it by DNS rebinding). Any thread may call the public methods.
 */
public final class ViewServer implements AutoCloseable {
    public static final int MAX_VIEWERS = 8;
    public static final int FRAMES_PER_SECOND = 10;
    static final long FRAME_NANOS = 1_000_000_000L / FRAMES_PER_SECOND;
    /** A page fetching {@code /frame.json} keeps the tap open this long after. */
    static final long FRAME_REQUEST_LINGER_NANOS = 3_000_000_000L;
    /** At most one "refused a viewer" line at the console this often. */
    static final long REFUSAL_NOTICE_NANOS = 10_000_000_000L;

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html", "/index.html", "index.html", "/view.js", "view.js", "/view.css", "view.css");

    private final HttpServer http;
    private final ExecutorService handlers;
    private final Thread sampler;
    private final FrameBuilder frames;
    private final boolean loopbackOnly;
    private final Consumer<String> notices;
    private final int port;
    private final Semaphore viewerSlots = new Semaphore(MAX_VIEWERS);
    private final AtomicInteger viewers = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final Object frameLock = new Object();
    private String latestFrame;                 // guarded by frameLock
    private long latestSeq;                     // guarded by frameLock
    private volatile boolean closed;
    private volatile long frameRequestedAtNanos = System.nanoTime() - 2 * FRAME_REQUEST_LINGER_NANOS;
    private volatile long lastRefusalNoticeNanos = System.nanoTime() - 2 * REFUSAL_NOTICE_NANOS;
    private volatile String lastFailure;

    private ViewServer(LiveSession session, InetAddress bind, int port, Consumer<String> notices) throws IOException {
        this.loopbackOnly = bind.isLoopbackAddress();
        this.notices = notices;
        this.frames = new FrameBuilder(session);
        AtomicInteger n = new AtomicInteger();
        this.handlers = new ThreadPoolExecutor(MAX_VIEWERS + 2, MAX_VIEWERS + 2, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "aether-view-" + n.incrementAndGet()));
        ((ThreadPoolExecutor) handlers).allowCoreThreadTimeOut(true);
        try {
            this.http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        } catch (IOException e) {
            frames.close();
            handlers.shutdownNow();
            throw e;
        }
        this.port = http.getAddress().getPort();
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        this.sampler = daemon(this::sample, "aether-view-sampler");
    }

    /**
     * Serves the view of {@code session} on {@code bind}:{@code port} (0: any free port) and starts its threads;
     * {@code notices} (any thread) hears what the console should print (refused viewers, failures).
     *
     * @throws java.net.BindException when the port is taken
     */
    public static ViewServer start(LiveSession session, InetAddress bind, int port, Consumer<String> notices) throws IOException {
        ViewServer s = new ViewServer(session, bind, port, notices);
        s.http.start();
        s.sampler.start();
        return s;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:43121/}. */
    public URI uri() {
        InetAddress a = http.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** The port it listens on. */
    public int port() { return port; }

    /** Whether it answers only loopback peers. */
    public boolean loopbackOnly() { return loopbackOnly; }

    /** Pages watching now (open {@code /events} streams). */
    public int viewers() { return viewers.get(); }

    /** Pages refused so far because {@value #MAX_VIEWERS} already watched. */
    public long refusedViewers() { return refused.get(); }

    /** Stops serving, closes every connection and the tap, and ends its threads (waits up to about 2 s). */
    @Override public void close() {
        if (closed) return;
        closed = true;
        synchronized (frameLock) { frameLock.notifyAll(); }
        http.stop(0);
        handlers.shutdownNow();
        sampler.interrupt();
        try {
            sampler.join(2_000);
            handlers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- sampler thread

    private void sample() {
        long next = System.nanoTime();
        try {
            while (!closed) {
                long now = System.nanoTime();
                boolean watched = viewers.get() > 0 || now - frameRequestedAtNanos < FRAME_REQUEST_LINGER_NANOS;
                try {
                    frames.listen(watched);
                    frames.drain();
                    if (watched && now - next >= 0) {
                        String f = frames.frame();
                        synchronized (frameLock) {
                            latestFrame = f;
                            latestSeq++;
                            frameLock.notifyAll();
                        }
                        next = Math.max(next + FRAME_NANOS, now);
                    }
                    lastFailure = null;
                } catch (RuntimeException e) {
                    if (closed) break;
                    String why = "view: could not read the engine for a frame (" + e.getMessage() + "); it keeps trying";
                    if (!why.equals(lastFailure)) notices.accept(why);
                    lastFailure = why;
                }
                LockSupport.parkNanos(watched ? 20_000_000L : 100_000_000L);
            }
        } finally {
            frames.close();
        }
    }

    // ---- handler threads

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET");
                text(ex, 405, "aether view is read-only: only GET is answered, not " + ex.getRequestMethod() + "\n");
                return;
            }
            if (loopbackOnly && !fromLoopback(ex)) {
                text(ex, 403, "aether view answers only this machine, as 127.0.0.1, localhost or [::1]:" + port
                        + " (start it with :view PORT --bind ADDR to open it to a network)\n");
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/events")) events(ex);
            else if (path.equals("/frame.json")) frame(ex);
            else if (FILES.containsKey(path)) resource(ex, FILES.get(path));
            else text(ex, 404, "no such page in aether view: " + path + " (the view is at /)\n");
        }
    }

    private boolean fromLoopback(HttpExchange ex) {
        if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) return false;
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) return true;                          // not a browser: a browser always names the host
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port) || h.equals("[::1]:" + port);
    }

    /** {@code GET /events[?frames=N]}: a stream of frames (N of them, then the end; endless without N). */
    private void events(HttpExchange ex) throws IOException {
        int limit = framesLimit(ex.getRequestURI().getQuery());
        if (!viewerSlots.tryAcquire()) {
            refused.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastRefusalNoticeNanos > REFUSAL_NOTICE_NANOS) {
                lastRefusalNoticeNanos = now;
                notices.accept("view: refused a page, " + MAX_VIEWERS + " already watch (" + refused.get()
                        + " refused so far); close a page to make room");
            }
            text(ex, 503, "aether view: " + MAX_VIEWERS + " pages already watch; close one and reload\n");
            return;
        }
        viewers.incrementAndGet();
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long seen;
            synchronized (frameLock) { seen = latestSeq; }
            int sent = 0;
            while (!closed && (limit == 0 || sent < limit)) {
                String frame = null;
                synchronized (frameLock) {
                    if (latestSeq == seen && !closed) frameLock.wait(1_000);
                    if (latestSeq != seen) {
                        frame = latestFrame;
                        seen = latestSeq;
                    }
                }
                if (closed) break;
                if (frame == null) {
                    out.write(": waiting for the engine\n\n".getBytes(StandardCharsets.UTF_8));   // finds pages gone away
                } else {
                    out.write(("id: " + seen + "\ndata: " + frame + "\n\n").getBytes(StandardCharsets.UTF_8));
                    sent++;
                }
                out.flush();
            }
        } catch (IOException gone) {
            // the page went away: end this stream
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            viewers.decrementAndGet();
            viewerSlots.release();
        }
    }

    private static int framesLimit(String query) {
        if (query == null) return 0;
        for (String kv : query.split("&")) {
            if (kv.startsWith("frames=")) {
                try {
                    return Math.max(0, Integer.parseInt(kv.substring(7)));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** {@code GET /frame.json}: the newest frame (waits up to 2 s for a fresh one while the tap opens). */
    private void frame(HttpExchange ex) throws IOException {
        frameRequestedAtNanos = System.nanoTime();
        String frame;
        try {
            synchronized (frameLock) {
                long asked = latestSeq;
                long until = System.nanoTime() + 2_000_000_000L;
                while (latestSeq == asked && !closed && System.nanoTime() < until) frameLock.wait(100);
                frame = latestFrame;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (frame == null) {
            text(ex, 503, "aether view: no frame yet; try again\n");
            return;
        }
        send(ex, 200, "application/json; charset=utf-8", frame.getBytes(StandardCharsets.UTF_8));
    }

    private void resource(HttpExchange ex, String name) throws IOException {
        byte[] body;
        try (InputStream in = ViewServer.class.getResourceAsStream(name)) {
            if (in == null) {
                text(ex, 500, "aether view: " + name + " is missing from the build\n");
                return;
            }
            body = in.readAllBytes();
        }
        String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
        send(ex, 200, type + "; charset=utf-8", body);
    }

    private static void text(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
        boolean head = "HEAD".equals(ex.getRequestMethod());        // refused, but a HEAD answer has no body
        ex.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
        if (body.length > 0 && !head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
