/**
 * aether's real-time engine. Exported: the node API ({@code dev.aether.core}), the engine facade
 * ({@code .engine}), read-only views of it ({@code .view}), the clock ({@code .time}), parameters
 * ({@code .param}), node state ({@code .state}), drivers ({@code .driver}), WAV files ({@code .io}) and the run budget of user code ({@code .budget}).
 * The plan, scheduler, rings and buffers ({@code .graph}, {@code .rt}, {@code .command}, {@code .buffer})
 * stay inside.
 */
module dev.aether.core {
    requires static jdk.incubator.vector;   // the guard's vector scans, when the JVM runs with the module (OutputScan)
    requires transitive java.desktop;     // javax.sound: drivers and DeviceInfo
    requires org.jctools.core;

    exports dev.aether.core;
    exports dev.aether.core.node;
    exports dev.aether.core.engine;
    exports dev.aether.core.view;
    exports dev.aether.core.time;
    exports dev.aether.core.param;
    exports dev.aether.core.state;
    exports dev.aether.core.driver;
    exports dev.aether.core.io;
    exports dev.aether.core.budget;
}
