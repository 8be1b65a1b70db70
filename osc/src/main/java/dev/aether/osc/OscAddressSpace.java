package dev.aether.osc;

import com.illposed.osc.OSCMessage;
import dev.aether.core.engine.Engine;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.core.view.EngineStats;
import dev.aether.nodes.drum.Hits;
import dev.aether.sequencing.schedule.PatternTarget;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Confined to the OSC thread. aether's OSC addresses: what each takes and does ({@link #REFERENCE}, shown by
 * {@code :help osc} and in docs/osc.md). One message is carried out by {@link #apply}, at an engine sample (its
 * bundle's timetag) or at once; what it cannot carry out it throws as {@link OscRejected}, naming the counter.
 */
final class OscAddressSpace {
    /** The reference: one line per address, {@code address  arguments  what it does}. */
    static final String REFERENCE = String.join("\n",
            "/aether/param           s slot, s param, f value [, f rampSeconds]   move a parameter (default: its own ramp)",
            "/aether/param/SLOT/NAME f value [, f rampSeconds]                     the same, one address per parameter",
            "/aether/note            s slot, i midi [, f velocity 0..1 (0.8)] [, f seconds (0.25)]  play a note on an instrument",
            "/aether/hit             s slot, s name [, f velocity 0..1 (1)]        trigger a drum or sample (bd sn hh ...)",
            "/aether/slot/start      s slot                                        fade a slot back in",
            "/aether/slot/stop       s slot                                        fade a slot out (it stays defined)",
            "/aether/pattern/start   s name                                        play the slot's last pattern again, from the next bar",
            "/aether/pattern/stop    s name                                        stop the slot's pattern at the next bar",
            "/aether/tempo           f bpm                                         change the tempo (1..999)",
            "/aether/query/graph     [i replyPort]   reply /aether/graph s text",
            "/aether/query/tempo     [i replyPort]   reply /aether/tempo f bpm, i beatsPerBar",
            "/aether/query/load      [i replyPort]   reply /aether/load f load, f peakLoad, i lateBlocks, i xruns",
            "/aether/query/osc       [i replyPort]   reply /aether/osc s counters",
            "/aether/ping            [i replyPort]   reply /aether/pong",
            "/aether/eval            s token, s code [, i replyPort]   evaluate Java as typed (only with --osc-token);"
                    + " reply /aether/eval/result s text",
            "Numbers may be sent as i, f, d or h. Replies go to the sender's address, or to its host at replyPort.",
            "Messages in a bundle play on the sample its timetag names; a late bundle plays at once and is counted.");

    /** Default velocity and length of {@code /aether/note}, and velocity of {@code /aether/hit}. */
    static final double NOTE_VELOCITY = 0.8, NOTE_SECONDS = 0.25, HIT_VELOCITY = 1.0;

    private final OscHost host;
    private final Engine engine;
    private final TimedSends sends;
    private final byte[] token;
    private final BiConsumer<SocketAddress, OSCMessage> reply;
    private final OscCounters counters;

    /**
     * @param token the evaluation token, or null: {@code /aether/eval} is refused
     * @param reply sends a reply (any thread: eval replies are sent when the evaluation ends)
     */
    OscAddressSpace(OscHost host, TimedSends sends, String token, BiConsumer<SocketAddress, OSCMessage> reply,
                    OscCounters counters) {
        this.host = host;
        this.engine = host.engine();
        this.sends = sends;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.reply = reply;
        this.counters = counters;
    }

    /**
     * Carries out {@code m}, sent by {@code sender}, at engine sample {@code atSample} ({@code -1}: at once).
     *
     * @throws OscRejected for an unknown address, wrong arguments or a refused evaluation
     */
    void apply(OSCMessage m, long atSample, SocketAddress sender) throws OscRejected {
        String address = m.getAddress();
        List<Object> a = m.getArguments();
        long at = atSample < 0 ? sends.now() : atSample;
        switch (address) {
            case "/aether/param" -> param(address, text(a, 0, address), text(a, 1, address), a, 2, at);
            case "/aether/note" -> note(address, a, at);
            case "/aether/hit" -> hit(address, a, at);
            case "/aether/slot/start", "/aether/slot/stop" -> {
                String slot = text(a, 0, address);
                run(address, () -> host.slot(slot, address.endsWith("start")));
            }
            case "/aether/pattern/start", "/aether/pattern/stop" -> {
                String name = text(a, 0, address);
                run(address, () -> host.pattern(name, address.endsWith("start")));
            }
            case "/aether/tempo" -> {
                double bpm = number(a, 0, address);
                run(address, () -> host.tempo(bpm));
            }
            case "/aether/query/graph" -> answer(sender, a, 0, address, "/aether/graph", List.of(host.graph()));
            case "/aether/query/tempo" -> {
                ClockSnapshot s = engine.clock().snapshot();
                answer(sender, a, 0, address, "/aether/tempo",
                        List.of((float) s.tempoMap().lastBpm(), s.tempoMap().lastBeatsPerBar()));
            }
            case "/aether/query/load" -> {
                EngineStats st = engine.stats();
                answer(sender, a, 0, address, "/aether/load", List.of((float) st.load(), (float) st.peakLoad(),
                        (int) Math.min(Integer.MAX_VALUE, st.lateBlocks()), (int) Math.min(Integer.MAX_VALUE, st.xruns())));
            }
            case "/aether/query/osc" -> answer(sender, a, 0, address, "/aether/osc", List.of(counters.summary()));
            case "/aether/ping" -> answer(sender, a, 0, address, "/aether/pong", List.of());
            case "/aether/eval" -> eval(a, sender);
            default -> {
                if (address.startsWith("/aether/param/")) {
                    String[] parts = address.substring("/aether/param/".length()).split("/", -1);
                    if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                        param(address, parts[0], parts[1], a, 0, at);
                        return;
                    }
                }
                throw new OscRejected(OscRejected.Kind.UNKNOWN_ADDRESS, "unknown OSC address " + address
                        + " (see :help osc)");
            }
        }
    }

    private void param(String address, String slot, String name, List<Object> a, int i, long at) throws OscRejected {
        double value = number(a, i, address);
        double ramp = a.size() > i + 1 ? number(a, i + 1, address) : Double.NaN;
        if (!Double.isNaN(ramp) && !(ramp >= 0 && ramp <= 3600)) {
            throw bad(address + ": a ramp lasts 0..3600 seconds, was " + ramp);
        }
        SmoothedParam p = resolve(address, () -> host.param(slot, name));
        if (!(value >= p.min() && value <= p.max())) {
            throw bad(address + ": " + slot + "." + name + " takes " + p.min() + ".." + p.max()
                    + (p.unit().isEmpty() ? "" : " " + p.unit()) + ", not " + value);
        }
        sends.set(p, value, at, Double.isNaN(ramp) ? p.smoothingSeconds() : ramp);
        host.moved(slot, name, value, ramp, at);
    }

    private void note(String address, List<Object> a, long at) throws OscRejected {
        String slot = text(a, 0, address);
        double midi = number(a, 1, address);
        double velocity = a.size() > 2 ? number(a, 2, address) : NOTE_VELOCITY;
        double seconds = a.size() > 3 ? number(a, 3, address) : NOTE_SECONDS;
        if (midi != Math.rint(midi) || midi < 0 || midi > 127) throw bad(address + ": a note is MIDI 0..127, was " + midi);
        if (!(velocity >= 0 && velocity <= 1)) throw bad(address + ": velocity is 0..1, was " + velocity);
        if (!(seconds > 0 && seconds <= 3600)) throw bad(address + ": a note lasts more than 0 and up to 3600 seconds, was " + seconds);
        var voices = resolve(address, () -> host.instrument(slot));
        long off = at + Math.max(1, Math.round(seconds * engine.config().sampleRate()));
        if (!PatternTarget.notes(voices, velocity).send((int) midi, at, off)) full(address + " " + slot + " note " + (int) midi);
    }

    private void hit(String address, List<Object> a, long at) throws OscRejected {
        String slot = text(a, 0, address);
        String name = text(a, 1, address);
        double velocity = a.size() > 2 ? number(a, 2, address) : HIT_VELOCITY;
        if (!(velocity >= 0 && velocity <= 1)) throw bad(address + ": velocity is 0..1, was " + velocity);
        Hits kit = resolve(address, () -> host.kit(slot));
        int key = resolve(address, () -> kit.keyOf(name));
        if (!kit.hitAt(key, at, velocity)) full(address + " " + slot + " " + name);
    }

    private void full(String what) {
        counters.drop(counters.full, what + ": the instrument's event queue is full; dropped");
    }

    private void eval(List<Object> a, SocketAddress sender) throws OscRejected {
        if (token == null) {
            throw new OscRejected(OscRejected.Kind.REFUSED, "/aether/eval refused: evaluating code over OSC is off"
                    + " (start aether with --osc-token TOKEN to allow it)");
        }
        if (a.size() < 2 || !(a.get(0) instanceof String given) || !(a.get(1) instanceof String code)) {
            throw new OscRejected(OscRejected.Kind.REFUSED, "/aether/eval refused: it takes s token, s code");
        }
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new OscRejected(OscRejected.Kind.REFUSED, "/aether/eval refused: wrong token from " + sender);
        }
        SocketAddress to = replyAddress(sender, a, 2, "/aether/eval");
        host.eval(code).whenComplete((text, ex) ->
                reply.accept(to, new OSCMessage("/aether/eval/result", List.of(ex != null
                        ? "error: " + ex.getMessage() : text == null ? "" : text))));
    }

    private void answer(SocketAddress sender, List<Object> a, int i, String address, String replyAddress, List<?> values)
            throws OscRejected {
        reply.accept(replyAddress(sender, a, i, address), new OSCMessage(replyAddress, values));
    }

    /** The sender, or its host at the port argument {@code i} when there is one. */
    private static SocketAddress replyAddress(SocketAddress sender, List<Object> a, int i, String address) throws OscRejected {
        if (a.size() <= i) return sender;
        double port = number(a, i, address);
        if (port != Math.rint(port) || port < 1 || port > 65535) throw bad(address + ": a reply port is 1..65535, was " + port);
        return new InetSocketAddress(((InetSocketAddress) sender).getAddress(), (int) port);
    }

    private interface Lookup<T> { T get(); }

    /** Runs a session look-up; what it refuses (no such slot or parameter) is a bad argument. */
    private static <T> T resolve(String address, Lookup<T> lookup) throws OscRejected {
        try {
            return lookup.get();
        } catch (IllegalArgumentException e) {
            throw bad(address + ": " + e.getMessage());
        }
    }

    private static void run(String address, Runnable action) throws OscRejected {
        resolve(address, () -> {
            action.run();
            return null;
        });
    }

    private static String text(List<Object> a, int i, String address) throws OscRejected {
        if (a.size() <= i) throw bad(address + " needs " + (i + 1) + " arguments, got " + a.size() + " (see :help osc)");
        if (a.get(i) instanceof CharSequence s) return s.toString();
        throw bad(address + ": argument " + (i + 1) + " must be a string (s), was " + typeOf(a.get(i)));
    }

    private static double number(List<Object> a, int i, String address) throws OscRejected {
        if (a.size() <= i) throw bad(address + " needs " + (i + 1) + " arguments, got " + a.size() + " (see :help osc)");
        if (a.get(i) instanceof Number n) {
            double v = n.doubleValue();
            if (Double.isFinite(v)) return v;
            throw bad(address + ": argument " + (i + 1) + " must be finite, was " + v);
        }
        throw bad(address + ": argument " + (i + 1) + " must be a number (i, f, d or h), was " + typeOf(a.get(i)));
    }

    private static String typeOf(Object o) {
        return o == null ? "nil" : o instanceof CharSequence ? "a string" : o.getClass().getSimpleName();
    }

    private static OscRejected bad(String why) { return new OscRejected(OscRejected.Kind.BAD_ARGUMENTS, why); }
}
