package io.newspipe.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The duplicate detector's internal records survive their binary encoding, and a foreign format is refused. */
class DedupCodecTest {

    private static <T> T roundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("any-topic", value);
        return serde.deserializer().deserialize("any-topic", bytes);
    }

    @Test
    void shouldRoundTripAProbe() {
        Probe probe = new Probe("id-1", 0x8000_0000_0000_0001L, "hash-a", 1_700_000_000_000L, 3);
        assertThat(roundTrip(DedupCodec.PROBE, probe)).isEqualTo(probe);
    }

    @Test
    void shouldRoundTripAVerdictWithAMatch() {
        Verdict found = new Verdict("id-2", 1, "id-1", "cluster-1", 1_700_000_000_000L, true);
        assertThat(roundTrip(DedupCodec.VERDICT, found)).isEqualTo(found);
    }

    @Test
    void shouldRoundTripAVerdictWithoutAMatchLeavingTheMatchFieldsEmpty() {
        Verdict none = new Verdict("id-3", 2, null, null, 0L, false);
        assertThat(roundTrip(DedupCodec.VERDICT, none)).isEqualTo(none);
    }

    @Test
    void shouldRoundTripABucketKeepingItsOrder() {
        List<DedupCodec.Entry> bucket = List.of(
                new DedupCodec.Entry("b", -1L, "hash-b", 2L, "cluster-b"),
                new DedupCodec.Entry("a", 0L, "hash-a", 1L, "cluster-a"));
        assertThat(roundTrip(DedupCodec.BUCKET, bucket)).containsExactlyElementsOf(bucket);
        assertThat(roundTrip(DedupCodec.BUCKET, List.<DedupCodec.Entry>of())).isEmpty();
    }

    @Test
    void shouldRoundTripPendingVerdictsWithAndWithoutABestMatch() {
        Verdict best = new Verdict("id-4", 0, "id-1", "cluster-1", 5L, false);
        DedupCodec.Pending some = new DedupCodec.Pending(0b1011, best);
        DedupCodec.Pending none = new DedupCodec.Pending(0b0001, null);
        assertThat(roundTrip(DedupCodec.PENDING, some)).isEqualTo(some);
        assertThat(roundTrip(DedupCodec.PENDING, none)).isEqualTo(none);
    }

    @Test
    void shouldReadAndWriteNullAsATombstone() {
        assertThat(DedupCodec.PROBE.serializer().serialize("t", null)).isNull();
        assertThat(DedupCodec.PROBE.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldStartEveryRecordWithTheFormatVersionAndRefuseAnother() {
        byte[] bytes = DedupCodec.PROBE.serializer().serialize("t", new Probe("id", 1L, "h", 2L, 0));
        assertThat(bytes[0]).isEqualTo((byte) 1);
        bytes[0] = 9;
        assertThatThrownBy(() -> DedupCodec.PROBE.deserializer().deserialize("t", bytes))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown dedup record format 9");
    }
}
