package dev.aether.link;

/**
 * What the application sees of the Link session at one moment, in host time (microseconds of the peer's host clock):
 * the client timeline (the session's timeline mapped to host time; its phase is the session's, its beat count the
 * app's own), the transport, how many peers are in the session, and how well the session's clock is measured.
 * Immutable; any thread.
 *
 * @param timeline        host-time timeline (tempo, beat origin, host time of that beat)
 * @param playing         whether the session's transport plays
 * @param playingSinceHost host time at which the transport started or stopped (Link's "time for is playing")
 * @param peers           other peers in our session
 * @param sessionId       our session's id (a node id)
 * @param ghostOffsetMicros the session's ghost time minus our host time
 * @param roundTripMicros median round trip of the last clock measurement, 0 when never measured
 * @param malformed       datagrams dropped as malformed since the peer started
 * @param version         counts published changes
 */
public record LinkState(Timeline timeline, boolean playing, long playingSinceHost, int peers, long sessionId,
                        long ghostOffsetMicros, long roundTripMicros, long malformed, long version) {

    /** The tempo, BPM. */
    public double bpm() { return timeline.bpm(); }

    /** The beat at {@code hostMicros} whose phase within {@code quantum} beats is the session's. */
    public double beatAt(long hostMicros, double quantum) {
        return Timeline.phaseEncodedBeatsAt(timeline, hostMicros, Timeline.toMicroBeats(quantum)) / (double) Timeline.MICROBEATS;
    }

    /** The session's phase at {@code hostMicros}, in {@code [0, quantum)} beats. */
    public double phaseAt(long hostMicros, double quantum) {
        long q = Timeline.toMicroBeats(quantum);
        return Timeline.phase(Timeline.phaseEncodedBeatsAt(timeline, hostMicros, q), q) / (double) Timeline.MICROBEATS;
    }

    /** The host time at which {@link #beatAt} reads {@code beat}. */
    public long hostTimeAt(double beat, double quantum) {
        return Timeline.timeAtPhaseEncodedBeats(timeline, Timeline.toMicroBeats(beat), Timeline.toMicroBeats(quantum));
    }
}
