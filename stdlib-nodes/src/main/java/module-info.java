/** aether's standard nodes: oscillators, drums, noise, filters, envelopes, delays, reverb, dynamics, mixers, samplers, voices, analysis taps. */
module dev.aether.nodes {
    requires transitive dev.aether.core;

    exports dev.aether.nodes;
    exports dev.aether.nodes.analysis;
    exports dev.aether.nodes.delay;
    exports dev.aether.nodes.drum;
    exports dev.aether.nodes.dynamics;
    exports dev.aether.nodes.env;
    exports dev.aether.nodes.filter;
    exports dev.aether.nodes.mix;
    exports dev.aether.nodes.noise;
    exports dev.aether.nodes.osc;
    exports dev.aether.nodes.reverb;
    exports dev.aether.nodes.sample;
    exports dev.aether.nodes.voice;
}
