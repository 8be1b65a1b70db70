// An independent Link peer for LinkInteropTest: Ableton's own library (Debian's ableton-link-dev), driven on stdin.
//   q          -> "S mono=<CLOCK_MONOTONIC us> host=<Link clock us> beat=<b> phase=<p> tempo=<bpm> playing=<0|1> peers=<n>"
//   t <bpm>    set the tempo now
//   p <0|1>    stop / start the transport now
//   x          leave
// Quantum 4 throughout. Prints "READY" once Link is enabled.
#include <ableton/Link.hpp>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>

static long long monoMicros() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

int main(int argc, char** argv) {
    double bpm = argc > 1 ? std::stod(argv[1]) : 120.0;
    ableton::Link link(bpm);
    link.enableStartStopSync(true);
    link.enable(true);
    std::printf("READY\n");
    std::fflush(stdout);
    std::string cmd;
    while (std::cin >> cmd) {
        if (cmd == "q") {
            long long m0 = monoMicros();
            auto host = link.clock().micros();
            long long m1 = monoMicros();
            auto s = link.captureAppSessionState();
            std::printf("S mono=%lld host=%lld beat=%.6f phase=%.6f tempo=%.6f playing=%d peers=%zu\n", (m0 + m1) / 2,
                (long long) host.count(), s.beatAtTime(host, 4.0), s.phaseAtTime(host, 4.0), s.tempo(),
                s.isPlaying() ? 1 : 0, link.numPeers());
        } else if (cmd == "t") {
            double t;
            std::cin >> t;
            auto s = link.captureAppSessionState();
            s.setTempo(t, link.clock().micros());
            link.commitAppSessionState(s);
            std::printf("OK\n");
        } else if (cmd == "p") {
            int on;
            std::cin >> on;
            auto s = link.captureAppSessionState();
            s.setIsPlaying(on != 0, link.clock().micros());
            link.commitAppSessionState(s);
            std::printf("OK\n");
        } else if (cmd == "x") {
            break;
        }
        std::fflush(stdout);
    }
    link.enable(false);
    return 0;
}
