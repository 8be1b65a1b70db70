package dev.aether.arrange.live;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.Breakpoint;
import dev.aether.arrange.MediaPool;
import dev.aether.arrange.Schedule;
import dev.aether.arrange.Send;
import dev.aether.core.DspNode;
import dev.aether.core.NodeId;
import dev.aether.core.OutputPort;
import dev.aether.core.node.NodeSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LiveArrangement} built and sent for one track: its nodes (source, head, effect chain, strip, send taps)
 * with their engine ids, and the data last handed to them (the track's {@link Schedule.TrackPlan}, strip settings,
 * sends). The next {@code apply} compares a track against this and sends only what differs. Control side, guarded
 * by the arrangement's lock; never seen by the audio thread.
 *
 * <p>The nodes fall in three layers, each rebuilt only when what it is made from changes: the <em>core</em> (source,
 * strip, send taps; made from the track's kind, instrument and whether its clips stream) and the <em>chain</em>
 * (head and effects; made from the effect recipes) are topology and go to the engine in one batch; everything else is
 * data, written to the nodes' latest-value cells.
 */
final class AppliedTrack {
    /** Kind, instrument and kind of source: what the source, strip and send taps are made from. */
    final String core;
    DspNode source;                                  // ClipPlayer, InstrumentSource or null (replaced by hot swaps)
    final TrackStrip strip;
    final Map<String, SendTap> sends;                // by bus + "|pre" / "|post"
    final Map<String, NodeId> sendIds;
    NodeId sourceId, stripId;

    /** The effect recipes the chain was made from. */
    List<String> recipes;
    TrackHead head;
    List<DspNode> effects;
    NodeId headId;
    List<NodeId> effectIds = List.of();

    // ---- what the streams decision was made from (the clips and the pool), so that files are not asked again
    List<AudioClip> clipsSeen;
    MediaPool poolSeen;

    // ---- data last sent
    /** The plan the data was made from, or null when nothing was sent yet. */
    Schedule.TrackPlan plan;
    TrackStrip.Settings settings;
    /** The volume and pan lanes {@link #settings} were made from (null: none). */
    List<Breakpoint> volumePoints, panPoints;
    List<Send> sendList;
    /** The parent's name (null at the top level) the strip was wired to. */
    String parent;

    AppliedTrack(String core, DspNode source, TrackStrip strip) {
        this.core = core;
        this.source = source;
        this.strip = strip;
        this.sends = new HashMap<>();
        this.sendIds = new HashMap<>();
    }

    /** A copy sharing the core and the send taps, with a new chain (and none of the data that drives the chain). */
    AppliedTrack withChain(List<String> recipes, TrackHead head, List<DspNode> effects) {
        AppliedTrack t = new AppliedTrack(core, source, strip, sends, sendIds);
        t.sourceId = sourceId;
        t.stripId = stripId;
        t.recipes = recipes;
        t.head = head;
        t.effects = effects;
        t.clipsSeen = clipsSeen;
        t.poolSeen = poolSeen;
        t.plan = plan;
        t.settings = settings;
        t.volumePoints = volumePoints;
        t.panPoints = panPoints;
        t.sendList = sendList;
        t.parent = parent;
        return t;
    }

    private AppliedTrack(String core, DspNode source, TrackStrip strip, Map<String, SendTap> sends, Map<String, NodeId> sendIds) {
        this.core = core;
        this.source = source;
        this.strip = strip;
        this.sends = sends;
        this.sendIds = sendIds;
    }

    /** The chain's last output: what a pre-fader send and the strip hear. */
    OutputPort chainEnd() {
        if (effects.isEmpty()) return head.out;
        return NodeSpec.of(effects.get(effects.size() - 1)).outputs().get(0);
    }

    DspNode chainEndNode() { return effects.isEmpty() ? head : effects.get(effects.size() - 1); }

    /** Every node of the track but the send taps. */
    List<DspNode> nodes() {
        List<DspNode> out = new ArrayList<>();
        if (source != null) out.add(source);
        out.add(head);
        out.addAll(effects);
        out.add(strip);
        return out;
    }
}
