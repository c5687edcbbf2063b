package io.newspipe.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The duplicate detector's internal records survive their binary encoding, and a foreign format is refused. */
class DedupCodecTest {

    private static final ArticleSketch SKETCH = ArticleSketch.of(
            "Banjir bandang menerjang tiga desa di Kecamatan Cikajang pada Selasa malam; 214 rumah terendam.");

    private static <T> T roundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("any-topic", value);
        return serde.deserializer().deserialize("any-topic", bytes);
    }

    @Test
    void shouldRoundTripASketchProbe() {
        Probe probe = new Probe("id-1", 1_700_000_000_000L, "hash-a", SKETCH, 3, 9);
        assertThat(roundTrip(DedupCodec.PROBE, probe)).isEqualTo(probe);
    }

    @Test
    void shouldRoundTripAContentHashProbeWithoutASketch() {
        Probe probe = new Probe("id-1", -5L, "hash-a", null, 8, 9);
        assertThat(roundTrip(DedupCodec.PROBE, probe)).isEqualTo(probe);
    }

    @Test
    void shouldRoundTripAVerdictWithAMatch() {
        Verdict found = new Verdict("id-2", 1, 9, "id-1", "cluster-1", 1_700_000_000_000L, true);
        assertThat(roundTrip(DedupCodec.VERDICT, found)).isEqualTo(found);
    }

    @Test
    void shouldRoundTripAVerdictWithoutAMatchLeavingTheMatchFieldsEmpty() {
        Verdict none = new Verdict("id-3", 2, 5, null, null, 0L, false);
        assertThat(roundTrip(DedupCodec.VERDICT, none)).isEqualTo(none);
    }

    @Test
    void shouldRoundTripBucketEntriesWithAndWithoutASketch() {
        DedupCodec.Entry sketched = new DedupCodec.Entry("a", 1L, "hash-a", "cluster-a", SKETCH);
        DedupCodec.Entry exact = new DedupCodec.Entry("b", 2L, "hash-b", "cluster-b", null);
        assertThat(roundTrip(DedupCodec.ENTRY, sketched)).isEqualTo(sketched);
        assertThat(roundTrip(DedupCodec.ENTRY, exact)).isEqualTo(exact);
    }

    @Test
    void shouldRoundTripPendingVerdictsWithAndWithoutABestMatch() {
        Verdict best = new Verdict("id-4", 0, 4, "id-1", "cluster-1", 5L, false);
        DedupCodec.Pending some = new DedupCodec.Pending(0b1011, 4, best);
        DedupCodec.Pending none = new DedupCodec.Pending(0b0001, 4, null);
        assertThat(roundTrip(DedupCodec.PENDING, some)).isEqualTo(some);
        assertThat(roundTrip(DedupCodec.PENDING, none)).isEqualTo(none);
        assertThat(some.complete()).isFalse();
        assertThat(new DedupCodec.Pending(0b1111, 4, null).complete()).isTrue();
    }

    @Test
    void shouldReadAndWriteNullAsATombstone() {
        assertThat(DedupCodec.PROBE.serializer().serialize("t", null)).isNull();
        assertThat(DedupCodec.PROBE.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldStartEveryRecordWithTheFormatVersionAndRefuseAnother() {
        byte[] bytes = DedupCodec.PROBE.serializer().serialize("t", new Probe("id", 2L, "h", null, 0, 1));
        assertThat(bytes[0]).isEqualTo((byte) 2);
        bytes[0] = 1; // the SimHash band detector's format
        assertThatThrownBy(() -> DedupCodec.PROBE.deserializer().deserialize("t", bytes))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown dedup record format 1");
    }
}
