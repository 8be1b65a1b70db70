package dev.aether.sequencing.schedule;

import dev.aether.core.param.SmoothedParam;
import dev.aether.sequencing.pattern.Note;
import java.util.List;

/**
 * A node's parameter stepped (or ramped) by a pattern of numbers, each from its event's onset; or one parameter of
 * several nodes moved together (every voice of an instrument), checked against the first one's range.
 */
final class ParamTarget implements PatternTarget<Double> {
    private final SmoothedParam[] params;
    private final double rampSeconds;

    ParamTarget(List<SmoothedParam> params, double rampSeconds) {
        if (params.isEmpty()) throw new IllegalArgumentException("a parameter target needs at least one parameter");
        if (!(rampSeconds >= 0) || Double.isInfinite(rampSeconds)) {
            throw new IllegalArgumentException("a parameter's ramp must last 0 or more seconds, was " + rampSeconds);
        }
        this.params = params.toArray(new SmoothedParam[0]);
        this.rampSeconds = rampSeconds;
    }

    @Override public String description() {
        return "parameter '" + params[0].name() + "'" + (params.length > 1 ? " of " + params.length + " voices" : "");
    }

    @Override public Double valueOf(Object token) {
        SmoothedParam param = params[0];
        double v = Note.number(token);
        if (v < param.min() || v > param.max()) {
            throw new IllegalArgumentException("parameter '" + param.name() + "' takes " + param.min() + ".." + param.max()
                    + (param.unit().isEmpty() ? "" : " " + param.unit()) + ", not " + token);
        }
        return v;
    }

    @Override public boolean send(Double value, long onsetSample, long offsetSample) {
        boolean all = true;
        for (SmoothedParam p : params) all &= p.setAt(value, onsetSample, rampSeconds);
        return all;
    }
}
