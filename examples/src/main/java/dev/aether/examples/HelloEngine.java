package dev.aether.examples;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverChoice;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.DriverFactory;
import dev.aether.nodes.osc.SineOscillator;

/**
 * The engine from plain Java, without the console: a 440 Hz sine on the default driver for two seconds.
 * Run: {@code java -cp <classpath> dev.aether.examples.HelloEngine}.
 */
public final class HelloEngine {
    private HelloEngine() {}

    /** Builds the patch the README shows; returns the engine, not yet started. */
    public static Engine patch() {
        // snippet:java
        Engine engine = Engine.create(EngineConfig.defaults());          // 48 kHz, 64-frame blocks
        SineOscillator osc = new SineOscillator().frequencyHz(440);
        engine.add(osc);
        engine.connectToMaster(osc.out);
        // end:java
        return engine;
    }

    public static void main(String[] args) throws InterruptedException {
        Engine engine = patch();
        DriverChoice choice = DriverFactory.defaultDriver(DriverConfig.defaults());   // Java Sound, else paced null
        if (choice.notice() != null) System.out.println(choice.notice());
        engine.start(choice.driver());
        Thread.sleep(2_000);
        engine.stop();
    }
}
