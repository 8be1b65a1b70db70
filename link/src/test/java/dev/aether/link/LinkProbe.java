package dev.aether.link;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;

/**
 * aether's Link peer driven on stdin, for tests that run it inside a network namespace (a JVM of its own there). Host
 * time is {@link LinkPeer#monotonicMicros()} (CLOCK_MONOTONIC), so another process can name an instant.
 * <pre>
 *   q [mono]   -> "S mono=&lt;us&gt; beat=&lt;b&gt; phase=&lt;p&gt; tempo=&lt;bpm&gt; playing=&lt;0|1&gt; peers=&lt;n&gt; malformed=&lt;n&gt; rtt=&lt;us&gt;"
 *                 (at host time mono, else now; quantum 4)
 *   t &lt;bpm&gt;    propose a tempo       p &lt;0|1&gt;  stop / start now
 *   junk &lt;n&gt;   send n malformed datagrams to the discovery group     x  leave
 * </pre>
 */
public final class LinkProbe {
    public static void main(String[] args) throws Exception {
        double bpm = args.length > 0 ? Double.parseDouble(args[0]) : 120;
        try (LinkPeer peer = LinkPeer.start(bpm, NetworkInterface.getByName("lo"), LinkPeer::monotonicMicros);
             DatagramSocket junk = new DatagramSocket()) {
            System.out.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] w = line.trim().split("\\s+");
                switch (w[0]) {
                    case "q" -> {
                        long at = w.length > 1 ? Long.parseLong(w[1]) : LinkPeer.monotonicMicros();
                        LinkState s = peer.state();
                        System.out.printf(java.util.Locale.ROOT, "S mono=%d beat=%.6f phase=%.6f tempo=%.6f playing=%d peers=%d malformed=%d rtt=%d%n",
                                at, s.beatAt(at, 4), s.phaseAt(at, 4), s.bpm(), s.playing() ? 1 : 0, s.peers(), s.malformed(), s.roundTripMicros());
                    }
                    case "t" -> { peer.tempo(Double.parseDouble(w[1])); System.out.println("OK"); }
                    case "p" -> { peer.playing(!w[1].equals("0"), LinkPeer.monotonicMicros()); System.out.println("OK"); }
                    case "junk" -> {
                        byte[] bad = "_asdp_v\u0001\u0001\u0005\u0000\u0000garbage!tmln\u0000\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
                        for (int i = Integer.parseInt(w[1]); i > 0; i--) junk.send(new DatagramPacket(bad, bad.length, LinkWire.MULTICAST));
                        System.out.println("OK");
                    }
                    case "x" -> { return; }
                    default -> System.out.println("ERR unknown command " + w[0]);
                }
                System.out.flush();
            }
        }
    }
}
