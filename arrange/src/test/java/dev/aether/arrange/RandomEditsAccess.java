package dev.aether.arrange;

import java.util.Random;

/** Opens the package-private random edit generator to tests in other packages. */
public final class RandomEditsAccess {
    private RandomEditsAccess() {}

    public static Project start() { return RandomEdits.start(); }

    public static Edit next(Random r, Project p, int serial) { return RandomEdits.next(r, p, serial); }
}
