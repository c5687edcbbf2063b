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
    void shouldRoundTripTheProbesOfOnePartition() {
        ProbeBatch batch = new ProbeBatch("id-1", 1_700_000_000_000L, "hash-a", SKETCH, 8, 0b1010_0110, 3);
        assertThat(roundTrip(DedupCodec.PROBES, batch)).isEqualTo(batch);
    }

    @Test
    void shouldRoundTripAContentHashProbeOfATextWithoutWords() {
        ProbeBatch batch = new ProbeBatch("id-1", -5L, "hash-a", ArticleSketch.of(""), 1, 1, 0);
        assertThat(roundTrip(DedupCodec.PROBES, batch)).isEqualTo(batch);
    }

    @Test
    void shouldRoundTripAVerdictWithAMatch() {
        Verdict found = new Verdict("id-2", 0b1001, 8, "id-1", "cluster-1", 1_700_000_000_000L, true);
        assertThat(roundTrip(DedupCodec.VERDICT, found)).isEqualTo(found);
    }

    @Test
    void shouldRoundTripAVerdictWithoutAMatchLeavingTheMatchFieldsEmpty() {
        Verdict none = new Verdict("id-3", 0b10, 5, null, null, 0L, false);
        assertThat(roundTrip(DedupCodec.VERDICT, none)).isEqualTo(none);
    }

    @Test
    void shouldMatchABucketEntryByContentHashOrSketchReadingItsClusterOnlyForAMatch() {
        byte[] entry = BucketEntry.value("hash-a", "cluster-a", SKETCH);
        byte[] hashA = "hash-a".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] hashB = "hash-b".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(BucketEntry.matches(entry, hashA, ArticleSketch.of("x"), 0.5))
                .isEqualTo(new BucketEntry.Match("cluster-a", true));
        assertThat(BucketEntry.matches(entry, hashB, SKETCH, 0.5)).isEqualTo(new BucketEntry.Match("cluster-a", false));
        ArticleSketch other = ArticleSketch.of("Gempa berkekuatan 5,1 mengguncang Kabupaten Garut pada Rabu pagi; "
                + "warga berhamburan keluar rumah.");
        assertThat(BucketEntry.matches(entry, hashB, other, 0.5)).isNull();
    }

    @Test
    void shouldOrderTheEntriesOfABucketByTimestampThenIdInTheirKeys() {
        byte[] bucket = ProbeBatch.bucket(SKETCH, "hash-a", 0);
        var earlier = BucketEntry.key(bucket, -1L, "z");
        var later = BucketEntry.key(bucket, 5L, "a");
        assertThat(earlier.compareTo(later)).isNegative();
        assertThat(BucketEntry.timestamp(earlier.get(), bucket.length)).isEqualTo(-1L);
        assertThat(BucketEntry.articleId(later.get(), bucket.length)).isEqualTo("a");
    }

    @Test
    void shouldRoundTripPendingVerdictsWithAndWithoutABestMatch() {
        Verdict best = new Verdict("id-4", 0b1, 4, "id-1", "cluster-1", 5L, false);
        DedupCodec.Pending some = new DedupCodec.Pending(0b1011, 4, best);
        DedupCodec.Pending none = new DedupCodec.Pending(0b0001, 4, null);
        assertThat(roundTrip(DedupCodec.PENDING, some)).isEqualTo(some);
        assertThat(roundTrip(DedupCodec.PENDING, none)).isEqualTo(none);
        assertThat(some.complete()).isFalse();
        assertThat(new DedupCodec.Pending(0b1111, 4, null).complete()).isTrue();
    }

    @Test
    void shouldReadAndWriteNullAsATombstone() {
        assertThat(DedupCodec.PROBES.serializer().serialize("t", null)).isNull();
        assertThat(DedupCodec.PROBES.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldStartEveryRecordWithTheFormatVersionAndRefuseAnother() {
        byte[] bytes = DedupCodec.PROBES.serializer().serialize("t",
                new ProbeBatch("id", 2L, "h", ArticleSketch.of(""), 1, 1, 0));
        assertThat(bytes[0]).isEqualTo((byte) 3);
        bytes[0] = 2; // one record per probe, the format before
        assertThatThrownBy(() -> DedupCodec.PROBES.deserializer().deserialize("t", bytes))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown dedup record format 2");
    }
}
