package dev.aether.repl;

import dev.aether.core.driver.DriverConfig;
import java.nio.file.Path;

/**
 * Immutable; any thread. The command line: {@code aether [--recover] [--home DIR] [--buffer FRAMES]}, {@code aether
 * run FILE.jsh [-i]}, {@code aether render FILE.jsh --seconds S --out OUT.wav [--rate R] [--block N]}.
 */
record LaunchOptions(String mode, Path script, boolean interactive, boolean recover, Path home, double seconds,
                     Path out, int rate, int block, int bufferFrames) {

    static final String USAGE = String.join("\n",
            "usage: aether                       start the console",
            "       aether --recover             start the console and replay the last session's journal",
            "       aether run FILE.jsh [-i]     play a script (-i: then stay at the prompt)",
            "       aether render FILE.jsh --seconds S --out OUT.wav [--rate R] [--block N]",
            "options: --home DIR (default ~/.aether: history, journal)",
            "         --buffer FRAMES (the sound card's buffer, default 512 = 10.7 ms at 48 kHz; 1024 if you hear dropouts)");

    static LaunchOptions parse(String[] args) {
        String mode = "console";
        Path script = null, out = null;
        Path home = Path.of(System.getProperty("user.home"), ".aether");
        boolean interactive = false, recover = false;
        double seconds = -1;
        int rate = 48_000, block = 64, buffer = DriverConfig.defaults().bufferFrames();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "run": case "render":
                    mode = a;
                    script = Path.of(value(args, ++i, a + " needs a FILE.jsh"));
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
                case "-h": case "--help": mode = "help"; break;
                default: throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (mode.equals("render") && (seconds <= 0 || out == null)) {
            throw new IllegalArgumentException("render needs --seconds S (> 0) and --out OUT.wav");
        }
        return new LaunchOptions(mode, script, interactive, recover, home, seconds, out, rate, block, buffer);
    }

    private static String value(String[] args, int i, String problem) {
        if (i >= args.length) throw new IllegalArgumentException(problem);
        return args[i];
    }
}
