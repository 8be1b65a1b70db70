package dev.aether.repl;

import dev.aether.core.driver.DriverConfig;
import java.nio.file.Path;

/**
 * Immutable; any thread. The command line: {@code aether [--recover] [--home DIR] [--buffer FRAMES]}, {@code aether
 * run FILE.jsh [-i]}, {@code aether render FILE.jsh --seconds S --out OUT.wav [--rate R] [--block N]}, {@code aether
 * render --journal FILE --out OUT.wav [--seconds S]} ({@code seconds} is then -1 when not given; {@code format} is
 * the WAV's sample format: 16, 24 or float). {@code --osc PORT} starts the OSC server ({@code oscPort} -1: off),
 * {@code --osc-bind ADDR} listens on another address than 127.0.0.1, {@code --osc-token T} allows {@code /aether/eval}.
 */
record LaunchOptions(String mode, Path script, boolean interactive, boolean recover, Path home, double seconds,
                     Path out, int rate, int block, int bufferFrames, Path journal, String format,
                     int oscPort, String oscBind, String oscToken) {

    static final String USAGE = String.join("\n",
            "usage: aether                       start the console",
            "       aether --recover             start the console and replay the last session's journal",
            "       aether run FILE.jsh [-i]     play a script (-i: then stay at the prompt)",
            "       aether render FILE.jsh --seconds S --out OUT.wav [--rate R] [--block N] [--format 16|24|float]",
            "       aether render --journal FILE --out OUT.wav [--seconds S] [--format 16|24|float]",
            "                                    re-render a performed set from its journal (~/.aether/journal)",
            "options: --home DIR (default ~/.aether: history, journal)",
            "         --buffer FRAMES (the sound card's buffer, default 512 = 10.7 ms at 48 kHz; 1024 if you hear dropouts)",
            "         --osc PORT (start the OSC server on PORT, UDP; off by default; see docs/osc.md)",
            "         --osc-bind ADDR (listen on ADDR instead of 127.0.0.1, e.g. 0.0.0.0: reachable from the network)",
            "         --osc-token TOKEN (allow /aether/eval, for messages that carry TOKEN)");

    static LaunchOptions parse(String[] args) {
        String mode = "console";
        Path script = null, out = null, journal = null;
        String format = "16";
        Path home = Path.of(System.getProperty("user.home"), ".aether");
        boolean interactive = false, recover = false;
        double seconds = -1;
        int rate = 48_000, block = 64, buffer = DriverConfig.defaults().bufferFrames();
        int oscPort = -1;
        String oscBind = null, oscToken = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "run": case "render":
                    mode = a;
                    if (a.equals("render") && i + 1 < args.length && args[i + 1].equals("--journal")) break;
                    script = Path.of(value(args, ++i, a + " needs a FILE.jsh"));
                    break;
                case "--journal": journal = Path.of(value(args, ++i, "--journal needs a journal file")); break;
                case "--format":
                    format = value(args, ++i, "--format needs 16, 24 or float");
                    if (!format.matches("16|24|float")) throw new IllegalArgumentException("--format must be 16, 24 or float, was " + format);
                    break;
                case "-i": interactive = true; break;
                case "--recover": recover = true; break;
                case "--home": home = Path.of(value(args, ++i, "--home needs a directory")); break;
                case "--seconds": seconds = Double.parseDouble(value(args, ++i, "--seconds needs a number")); break;
                case "--out": out = Path.of(value(args, ++i, "--out needs a file")); break;
                case "--rate": rate = Integer.parseInt(value(args, ++i, "--rate needs a number")); break;
                case "--block": block = Integer.parseInt(value(args, ++i, "--block needs a number")); break;
                case "--buffer":
                    buffer = Integer.parseInt(value(args, ++i, "--buffer needs a number of frames"));
                    if (buffer < 64) throw new IllegalArgumentException("--buffer needs at least 64 frames, was " + buffer);
                    break;
                case "--osc":
                    String port = value(args, ++i, "--osc needs a UDP port (1..65535)");
                    try {
                        oscPort = Integer.parseInt(port);
                    } catch (NumberFormatException e) {
                        oscPort = -2;
                    }
                    if (oscPort < 1 || oscPort > 65535) throw new IllegalArgumentException("--osc needs a UDP port 1..65535, was " + port);
                    break;
                case "--osc-bind": oscBind = value(args, ++i, "--osc-bind needs an address, e.g. 0.0.0.0 or 192.168.1.10"); break;
                case "--osc-token":
                    oscToken = value(args, ++i, "--osc-token needs a token (a word only your OSC sender knows)");
                    if (oscToken.isBlank()) throw new IllegalArgumentException("--osc-token must not be blank");
                    break;
                case "-h": case "--help": mode = "help"; break;
                default: throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (mode.equals("render") && journal != null) {
            if (out == null) throw new IllegalArgumentException("render --journal needs --out OUT.wav");
            if (seconds == 0 || seconds < -1) throw new IllegalArgumentException("--seconds must be > 0");
        } else if (mode.equals("render") && (seconds <= 0 || out == null)) {
            throw new IllegalArgumentException("render needs --seconds S (> 0) and --out OUT.wav");
        }
        if ((oscPort > 0 || oscBind != null || oscToken != null) && mode.equals("render")) {
            throw new IllegalArgumentException("--osc, --osc-bind and --osc-token are for the console and run, not render");
        }
        return new LaunchOptions(mode, script, interactive, recover, home, seconds, out, rate, block, buffer, journal, format,
                oscPort, oscBind, oscToken);
    }

    /** The WAV sample format {@code --format} names. */
    dev.aether.core.io.WavFormat wavFormat() {
        return switch (format) {
            case "24" -> dev.aether.core.io.WavFormat.PCM_24;
            case "float" -> dev.aether.core.io.WavFormat.FLOAT_32;
            default -> dev.aether.core.io.WavFormat.PCM_16;
        };
    }

    private static String value(String[] args, int i, String problem) {
        if (i >= args.length) throw new IllegalArgumentException(problem);
        return args[i];
    }
}
