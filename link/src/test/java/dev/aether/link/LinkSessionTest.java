package dev.aether.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Session choice, timeline adoption and start/stop per Ableton's Controller and Sessions, without a network. */
class LinkSessionTest {
    static final InetSocketAddress EP = new InetSocketAddress("127.0.0.1", 9);
    static final long BEAT = Timeline.MICROBEATS;

    static LinkWire.PeerState state(long session, Timeline tl, StartStopState ss) { return new LinkWire.PeerState(tl, session, ss, EP); }

    @Test
    void shouldStartAsItsOwnSessionWithGhostTimeZeroAtStart() {
        LinkSession s = new LinkSession(7, 120, 1_000_000);
        assertThat(s.sessionId()).isEqualTo(7);
        assertThat(s.ghost(1_000_000)).isZero();
        LinkState v = s.view(0);
        assertThat(v.beatAt(1_500_000, 4)).isEqualTo(1.0);           // 120 BPM from beat 0 at start
        assertThat(v.peers()).isZero();
    }

    @Test
    void shouldMeasureAnUnknownSessionOnceAndJoinItWhenItIsOlder() {
        LinkSession s = new LinkSession(7, 120, 10_000_000);
        Timeline theirs = new Timeline(90, 3 * BEAT, 0);
        assertThat(s.onPeerState(2, state(2, theirs, StartStopState.NONE), 5, 10_000_000)).isNotNull();
        assertThat(s.onPeerState(2, state(2, theirs, StartStopState.NONE), 5, 10_100_000)).as("measured once").isNull();
        long offset = -10_000_000 + 2_000_000;                        // their ghost time is 2 s ahead of ours
        s.onMeasured(2, offset, 150, 10_200_000);
        assertThat(s.sessionId()).isEqualTo(2);
        assertThat(s.ghostOffset()).isEqualTo(offset);
        assertThat(s.sessionTimeline()).isEqualTo(theirs);
        LinkState v = s.view(0);
        assertThat(v.bpm()).isEqualTo(90);
        assertThat(v.peers()).isEqualTo(1);
        assertThat(v.roundTripMicros()).isEqualTo(150);
        // the session's phase at host h is that of their timeline at ghost h + offset
        long h = 12_345_678;
        double sessionBeat = theirs.beatAt(h + offset);
        assertThat(LinkClockFollower.wrap(v.beatAt(h, 4) - sessionBeat, 4)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void shouldKeepItsSessionWhenTheOtherIsYoungerAndBreakATieBySmallerId() {
        LinkSession s = new LinkSession(0x50L, 120, 10_000_000);
        s.onPeerState(2, state(0x60L, new Timeline(90, 0, 0), StartStopState.NONE), 5, 10_000_000);
        s.onMeasured(0x60L, -10_000_000 - 2_000_000, 100, 10_000_000);   // 2 s behind: younger
        assertThat(s.sessionId()).isEqualTo(0x50L);
        s.onPeerState(3, state(0x40L, new Timeline(90, 0, 0), StartStopState.NONE), 5, 10_000_000);
        s.onMeasured(0x40L, -10_000_000 + 100_000, 100, 10_000_000);     // within 0.5 s, smaller id: join
        assertThat(s.sessionId()).isEqualTo(0x40L);
        s.onPeerState(4, state(0xF0L, new Timeline(90, 0, 0), StartStopState.NONE), 5, 10_000_000);
        s.onMeasured(0xF0L, -10_000_000 + 200_000, 100, 10_000_000);     // within 0.5 s, larger id (unsigned): stay
        assertThat(s.sessionId()).isEqualTo(0x40L);
    }

    @Test
    void shouldAdoptOnlyTimelinesWithAGreaterBeatOriginAndLaterStartStop() {
        LinkSession s = new LinkSession(7, 120, 0);
        s.onPeerState(2, state(7, new Timeline(100, 5 * BEAT, 1_000), new StartStopState(true, 0, 50)), 5, 0);
        assertThat(s.sessionTimeline().bpm()).isEqualTo(100);
        assertThat(s.view(0).playing()).isTrue();
        s.onPeerState(3, state(7, new Timeline(80, 4 * BEAT, 1_000), new StartStopState(false, 0, 40)), 5, 0);
        assertThat(s.sessionTimeline().bpm()).as("a smaller origin loses").isEqualTo(100);
        assertThat(s.view(0).playing()).as("an older start/stop loses").isTrue();
    }

    @Test
    void shouldRaiseTheBeatOriginOnALocalTempoChangeSoPeersAdoptIt() {
        LinkSession s = new LinkSession(7, 120, 0);
        long before = s.sessionTimeline().beatOrigin();
        s.setTempo(140, 2_000_000, 2_000_000);
        Timeline tl = s.sessionTimeline();
        assertThat(tl.bpm()).isEqualTo(140);
        assertThat(tl.beatOrigin()).isGreaterThan(before);
        assertThat(tl.beatsAt(s.ghost(2_000_000))).isEqualTo(4 * BEAT);   // the beat at the change does not move
        assertThat(s.view(0).beatAt(2_000_000, 4)).isEqualTo(4.0);
        assertThat(s.view(0).beatAt(2_000_000 + 60_000_000 / 140, 4)).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void shouldForgetPeersAfterTheirTtlOrAtByeBye() {
        LinkSession s = new LinkSession(7, 120, 0);
        s.onPeerState(2, state(7, new Timeline(120, 0, 0), StartStopState.NONE), 5, 0);
        s.onPeerState(3, state(7, new Timeline(120, 0, 0), StartStopState.NONE), 5, 0);
        assertThat(s.view(0).peers()).isEqualTo(2);
        s.onByeBye(3);
        assertThat(s.view(0).peers()).isEqualTo(1);
        assertThat(s.prune(4_999_999)).isZero();
        assertThat(s.prune(5_000_001)).isEqualTo(1);
        assertThat(s.view(0).peers()).isZero();
    }

    @Test
    void shouldMapALocalStartToTheSessionsBeatsAndGhostTime() {
        LinkSession s = new LinkSession(7, 120, 1_000_000);
        s.setPlaying(true, 2_000_000, 1_500_000);
        StartStopState ss = s.startStop();
        assertThat(ss.playing()).isTrue();
        assertThat(ss.beats()).isEqualTo(2 * BEAT);                    // 1 s after start at 120 BPM
        assertThat(ss.timestampMicros()).isEqualTo(500_000);           // ghost time of the decision
        assertThat(s.view(0).playingSinceHost()).isEqualTo(2_000_000);
    }
}
