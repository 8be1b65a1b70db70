package dev.aether.bench.usercode;

import dev.aether.core.DspNode;

/**
 * Where a JShell snippet leaves the user node it made ({@code dev.aether.bench.usercode.UserNodeHolder.node =
 * new OnePole();}), so a benchmark on the application class path can call it. Public for JShell's loader.
 */
public final class UserNodeHolder {
    /** The node the last snippet stored. */
    public static volatile DspNode node;

    private UserNodeHolder() {}
}
