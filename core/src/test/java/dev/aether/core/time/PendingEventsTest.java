package dev.aether.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingEventsTest {
    /** A target that keeps its events in a list and, per block, takes those due with their block offsets. */
    private static final class Target implements TimedTarget {
        final PendingEvents events;
        Target(int capacity) { events = new PendingEvents(capacity); }
        Target(PendingEvents events) { this.events = events; }
        @Override public void acceptRt(int kind, int key, long atSample, double a, double b) {
            events.addRt(kind, key, atSample, a, b);
        }
        boolean send(int key, long at) { return events.offer(this, 0, key, at, 0, 0); }
        /** Keys applied in the block [start, start + frames), each as key * 1000 + offset. */
        List<Integer> block(long start, int frames) {
            List<Integer> got = new ArrayList<>();
            int off;
            while ((off = events.offsetRt(start, frames)) < frames) {
                got.add(events.keyRt() * 1000 + off);
                events.removeRt();
            }
            return got;
        }
    }

    @Test
    void shouldKeepEventsOrderedBySampleWhateverOrderTheyArriveIn() {
        Target t = new Target(16);
        TimedEventChannel ch = new TimedEventChannel(16);
        t.events.bind(ch);
        t.send(3, 30);
        t.send(1, 10);
        t.send(2, 20);
        t.send(4, 10);                                  // same sample as key 1: after it
        ch.drainRt();
        assertThat(t.block(0, 64)).containsExactly(1010, 4010, 2020, 3030);
    }

    @Test
    void shouldHoldEventsForFutureBlocksUntilTheirBlock() {
        Target t = new Target(16);
        TimedEventChannel ch = new TimedEventChannel(16);
        t.events.bind(ch);
        t.send(1, 200);
        t.send(2, 64);
        ch.drainRt();
        assertThat(t.block(0, 64)).as("block [0, 64)").isEmpty();
        assertThat(t.block(64, 64)).as("block [64, 128)").containsExactly(2000);
        assertThat(t.block(128, 64)).as("block [128, 192)").isEmpty();
        assertThat(t.block(192, 64)).as("block [192, 256)").containsExactly(1008);
    }

    @Test
    void shouldApplyLateAndUntimedEventsAtTheStartOfTheBlockTheyAreSeenIn() {
        Target t = new Target(16);
        TimedEventChannel ch = new TimedEventChannel(16);
        t.events.bind(ch);
        t.send(1, 5);                                   // late: the block below starts at 640
        t.send(2, -1);                                  // untimed
        t.send(3, 650);
        ch.drainRt();
        assertThat(t.block(640, 64)).containsExactly(2000, 1000, 3010);
    }

    @Test
    void shouldRefuseBeyondItsCapacityCountingEventsStillInTheChannel() {
        Target t = new Target(4);
        TimedEventChannel ch = new TimedEventChannel(64);
        t.events.bind(ch);
        for (int i = 0; i < 4; i++) assertThat(t.send(i, i)).as("event %d", i).isTrue();
        assertThat(t.send(9, 9)).as("a fifth event while four are in the channel").isFalse();
        ch.drainRt();
        assertThat(t.send(9, 9)).as("drained but not yet applied: still four waiting").isFalse();
        t.block(0, 2);                                  // applies the events at 0 and 1
        assertThat(t.send(5, 100)).isTrue();
        assertThat(t.send(6, 100)).isTrue();
        assertThat(t.send(7, 100)).isFalse();
    }

    @Test
    void shouldGiveFalseWhenTheChannelIsFullAndCountNothingForIt() {
        Target t = new Target(16);
        TimedEventChannel ch = new TimedEventChannel(2);
        t.events.bind(ch);
        assertThat(t.send(1, 1)).isTrue();
        assertThat(t.send(2, 2)).isTrue();
        assertThat(t.send(3, 3)).as("channel of 2 full").isFalse();
        ch.drainRt();
        for (int i = 0; i < 14; i++) {
            assertThat(t.send(10 + i, 10 + i)).as("event %d: the refused one was not counted", i).isTrue();
            ch.drainRt();
        }
        assertThat(t.send(99, 99)).as("the 17th waiting event of a target of 16").isFalse();
    }

    @Test
    void shouldHandAnUnboundTargetItsEventsDirectlyAndKeepThemWhenBound() {
        Target t = new Target(16);
        assertThat(t.events.channel()).isNull();
        assertThat(t.send(1, 10)).isTrue();             // unbound: straight into the list
        TimedEventChannel ch = new TimedEventChannel(16);
        t.events.bind(ch);
        assertThat(t.send(2, 5)).isTrue();              // bound: through the channel
        assertThat(t.block(0, 64)).as("before the drain only the unbound event is here").containsExactly(1010);
        ch.drainRt();
        assertThat(t.block(64, 64)).as("late: at the start of the block").containsExactly(2000);
    }

    @Test
    void shouldForgetHeldEventsOnClearAndFreeTheirPlaces() {
        Target t = new Target(2);
        t.send(1, 1);
        t.send(2, 2);
        assertThat(t.send(3, 3)).isFalse();
        t.events.clear();
        assertThat(t.events.isEmptyRt()).isTrue();
        assertThat(t.send(4, 4)).isTrue();
        assertThat(t.send(5, 5)).isTrue();
    }

    /** Bound to a refusing channel (a node taken out of its engine), an offer says why and uses up no capacity. */
    @Test
    void shouldRefuseWithTheReasonWhileBoundToARefusingChannelAndKeepItsCapacity() {
        Target t = new Target(2);
        t.events.bind(TimedEventChannel.refusing("node PolyVoices#4 was removed (:open)"));
        for (int i = 0; i < 3; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.send(1, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessage("node PolyVoices#4 was removed (:open)");
        }
        TimedEventChannel ch = new TimedEventChannel(16);
        t.events.bind(ch);                              // added to an engine again
        assertThat(t.send(1, 0)).isTrue();
        assertThat(t.send(2, 0)).as("the refused offers took no capacity").isTrue();
        ch.drainRt();
        assertThat(t.block(0, 64)).containsExactly(1000, 2000);
    }
    /** A growing list has no storage until it is needed, and behaves like an eager one from then on. */
    @Test
    void shouldAllocateAGrowingListsStorageOnlyAtItsFirstOfferAndKeepOrderAndCapacity() {
        Target t = new Target(PendingEvents.growing(3));
        assertThat(t.events.hasStorage()).as("no storage before anything is offered").isFalse();
        assertThat(t.events.isEmptyRt()).isTrue();
        assertThat(t.events.atRt()).isEqualTo(Long.MAX_VALUE);
        assertThat(t.events.offsetRt(0, 64)).as("an empty list reads as no event in the block").isEqualTo(64);
        assertThat(t.block(0, 64)).isEmpty();
        TimedEventChannel ch = new TimedEventChannel(16);
        t.events.bind(ch);
        assertThat(t.send(2, 20)).isTrue();
        assertThat(t.events.hasStorage()).as("the first offer made room").isTrue();
        assertThat(t.send(1, 10)).isTrue();
        assertThat(t.send(3, 10)).isTrue();
        assertThat(t.send(4, 5)).as("capacity 3 holds, counting events still in the channel").isFalse();
        ch.drainRt();
        assertThat(t.block(0, 64)).containsExactly(1010, 3010, 2020);
    }

    /** The audio thread never allocates: offerRt on a growing list needs its storage reserved first. */
    @Test
    void shouldRefuseAudioThreadOffersToAGrowingListUntilItsStorageIsReserved() {
        PendingEvents list = PendingEvents.growing(4);
        assertThat(list.offerRt(0, 7, 10, 0, 0)).as("no storage: refused, nothing allocated").isFalse();
        assertThat(list.isEmptyRt()).isTrue();
        assertThat(list.addRt(0, 7, 10, 0, 0)).as("addRt without storage drops the event").isFalse();
        list.reserveStorage();
        assertThat(list.hasStorage()).isTrue();
        assertThat(list.offerRt(0, 7, 10, 0, 0)).isTrue();
        assertThat(list.offerRt(0, 8, 5, 0, 0)).isTrue();
        assertThat(list.keyRt()).as("kept in sample order").isEqualTo(8);
        list.removeRt();
        assertThat(list.keyRt()).isEqualTo(7);
        list.removeRt();
        assertThat(list.isEmptyRt()).isTrue();
        for (int k = 0; k < 4; k++) assertThat(list.offerRt(0, k, k, 0, 0)).isTrue();
        assertThat(list.offerRt(0, 9, 9, 0, 0)).as("capacity 4").isFalse();
    }
}
