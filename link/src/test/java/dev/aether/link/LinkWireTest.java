package dev.aether.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkWireTest {
    private static final InetSocketAddress EP = new InetSocketAddress("127.0.0.1", 4321);
    private static final LinkWire.PeerState STATE = new LinkWire.PeerState(new Timeline(120, 7_000_000, -42),
            0x0102030405060708L, new StartStopState(true, 3_500_000, 99), EP);

    @Test
    void shouldLayOutAnAliveMessageByteForByte() {
        byte[] m = LinkWire.encodePeerState(LinkWire.ALIVE, 5, 0x1122334455667788L, STATE);
        String hex = HexFormat.of().formatHex(m);
        assertThat(hex).isEqualTo(
                "5f617364705f7601" + "01" + "05" + "0000" + "1122334455667788"                 // _asdp_v1, alive, ttl 5, group 0, node
                + "746d6c6e" + "00000018" + "000000000007a120" + "00000000006acfc0" + "ffffffffffffffd6"   // tmln: 500000 us/beat, 7 beats, -42 us
                + "73657373" + "00000008" + "0102030405060708"                              // sess
                + "73747374" + "00000011" + "01" + "00000000003567e0" + "0000000000000063" // stst: playing, 3.5 beats, 99 us
                + "6d657034" + "00000006" + "7f000001" + "10e1");                            // mep4: 127.0.0.1:4321
    }

    @Test
    void shouldRoundTripPeerStatesAndByeBye() throws Exception {
        byte[] m = LinkWire.encodePeerState(LinkWire.RESPONSE, 5, 77, STATE);
        LinkWire.Discovery d = LinkWire.decodeDiscovery(m, m.length);
        assertThat(d.type()).isEqualTo(LinkWire.RESPONSE);
        assertThat(d.ttlSeconds()).isEqualTo(5);
        assertThat(d.nodeId()).isEqualTo(77);
        assertThat(d.state()).isEqualTo(STATE);
        byte[] bye = LinkWire.encodeByeBye(-3);
        LinkWire.Discovery b = LinkWire.decodeDiscovery(bye, bye.length);
        assertThat(b.type()).isEqualTo(LinkWire.BYEBYE);
        assertThat(b.nodeId()).isEqualTo(-3);
        assertThat(b.state()).isNull();
    }

    @Test
    void shouldEchoThePingPayloadInThePong() throws Exception {
        byte[] ping = LinkWire.encodePing(123_456, 789);
        LinkWire.Measurement p = LinkWire.decodeMeasurement(ping, ping.length);
        assertThat(p).isEqualTo(new LinkWire.Measurement(LinkWire.PING, 0, 123_456, 0, 789));
        byte[] pong = LinkWire.encodePong(55, 1_000_000, ping, ping.length);
        assertThat(LinkWire.decodeMeasurement(pong, pong.length))
                .isEqualTo(new LinkWire.Measurement(LinkWire.PONG, 55, 123_456, 1_000_000, 789));
        byte[] first = LinkWire.encodePing(5, 0);
        assertThat(first.length).isEqualTo(8 + 1 + 16);               // no previous ghost time before the first pong
    }

    @Test
    void shouldSkipPayloadEntriesItDoesNotKnow() throws Exception {
        byte[] m = LinkWire.encodePeerState(LinkWire.ALIVE, 5, 1, STATE);
        byte[] extra = ByteBuffer.allocate(m.length + 11).put(m).putInt(LinkWire.key("xtra")).putInt(3).put(new byte[3]).array();
        assertThat(LinkWire.decodeDiscovery(extra, extra.length).state()).isEqualTo(STATE);
    }

    @Test
    void shouldRejectMalformedDatagramsSayingWhy() {
        byte[] m = LinkWire.encodePeerState(LinkWire.ALIVE, 5, 1, STATE);
        assertThatThrownBy(() -> LinkWire.decodeDiscovery(m, 10)).isInstanceOf(MalformedPacketException.class).hasMessageContaining("shorter");
        byte[] wrongHeader = m.clone();
        wrongHeader[3] = 'x';
        assertThatThrownBy(() -> LinkWire.decodeDiscovery(wrongHeader, m.length)).hasMessageContaining("protocol header");
        assertThatThrownBy(() -> LinkWire.decodeDiscovery(m, m.length - 3)).hasMessageContaining("'mep4' claims 6 bytes, 3 left");
        byte[] badType = m.clone();
        badType[8] = 9;
        assertThatThrownBy(() -> LinkWire.decodeDiscovery(badType, m.length)).hasMessageContaining("type 9");
        byte[] shortTimeline = m.clone();
        shortTimeline[20 + 7] = 16;                                  // tmln says 16 bytes
        assertThatThrownBy(() -> LinkWire.decodeDiscovery(shortTimeline, m.length)).hasMessageContaining("'tmln' of 16 bytes");
        byte[] onlyHeader = Arrays.copyOf(m, 20);
        assertThatThrownBy(() -> LinkWire.decodeDiscovery(onlyHeader, 20)).hasMessageContaining("without a timeline");
        byte[] ping = LinkWire.encodePing(1, 2);
        byte[] longPing = ByteBuffer.allocate(ping.length + 16).put(ping).putInt(LinkWire.HOST_TIME).putInt(8).putLong(1).array();
        assertThatThrownBy(() -> LinkWire.decodeMeasurement(longPing, longPing.length)).hasMessageContaining("ping payload of 48 bytes");
        assertThatThrownBy(() -> LinkWire.decodeMeasurement(m, m.length)).hasMessageContaining("not a Link measurement message");
    }

    @Test
    void shouldRejectEveryCorruptionOnlyWithAMalformedPacketException() {
        byte[] m = LinkWire.encodePeerState(LinkWire.ALIVE, 5, 1, STATE);
        SplittableRandom r = new SplittableRandom(14);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] c = m.clone();
            for (int k = 1 + r.nextInt(4); k > 0; k--) c[r.nextInt(c.length)] = (byte) r.nextInt(256);
            int len = r.nextInt(4) == 0 ? r.nextInt(c.length + 1) : c.length;
            try {
                LinkWire.decodeDiscovery(c, len);
                LinkWire.decodeMeasurement(c, len);
            } catch (MalformedPacketException e) {
                rejected++;
            }
        }
        assertThat(rejected).isEqualTo(20_000);                       // a discovery datagram is never a measurement one
    }
}
