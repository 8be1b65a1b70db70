package dev.aether.osc;

import com.illposed.osc.OSCPacket;
import com.illposed.osc.transport.OSCPortOut;
import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;

/** An engine (offline unless started on a driver), a {@link TestHost}, an OSC server on the loopback and a JavaOSC client. */
final class OscRig implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final Engine engine = Engine.create(EngineConfig.defaults());
    final TestHost host = new TestHost(engine);
    OscServer server;
    OSCPortOut client;

    /** Starts the server with {@code timeline} (null: anchored now) and {@code token}, and a JavaOSC client to it. */
    OscRig start(SampleTimeline timeline, String token) throws Exception {
        server = new OscServer(host, LOOPBACK, 0, timeline != null ? timeline : SampleTimeline.now(engine.clock()), token);
        client = new OSCPortOut(new InetSocketAddress(LOOPBACK, server.port()));
        return this;
    }

    void send(OSCPacket p) throws Exception { client.send(p); }

    /** Waits (up to 10 s: the machine may be loaded) until {@code done}; false if it never was. */
    static boolean await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(2);
        }
        return true;
    }

    /** Renders {@code frames} frames offline. */
    void render(int frames) { engine.render(new float[2 * frames], frames); }

    @Override public void close() throws Exception {
        if (client != null) client.close();
        if (server != null) server.close();
        engine.close();
    }
}
