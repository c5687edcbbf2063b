package io.newspipe.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkedTextTest {

    @Test
    void chunksAreTheRunsBetweenAsciiWhiteSpace() {
        String text = " \tSatu, dua\u00A0tiga\r\n\u000B\fempat\u2028lima  ";
        ChunkedText chunked = ChunkedText.of(text);
        List<String> chunks = new ArrayList<>();
        for (int k = 0; k < chunked.chunks(); k++) {
            chunks.add(text.substring(chunked.start(k), chunked.end(k)));
            assertThat(new String(chunked.chunk(k).chars())).isEqualTo(chunks.get(k));
        }
        assertThat(chunks).containsExactly("Satu,", "dua\u00A0tiga", "empat\u2028lima");
        assertThat(chunked.text()).isSameAs(text);
        assertThat(ChunkedText.of(null).chunks()).isZero();
        assertThat(ChunkedText.of(" \n ").chunks()).isZero();
    }

    @Test
    void aChunkMetAgainOnTheSameThreadIsTheSameChunkWithItsNotes() {
        Object reader = new Object();
        Object other = new Object();
        ChunkedText first = ChunkedText.of("kata yang sama");
        first.chunk(1).remember(reader, "noted");
        ChunkedText second = ChunkedText.of("yang\tlain");
        assertThat(second.chunk(0)).isSameAs(first.chunk(1));
        assertThat(second.chunk(0).note(reader)).isEqualTo("noted");
        assertThat(second.chunk(0).note(other)).isNull();
        assertThat(second.chunk(1).note(reader)).isNull();
    }

    @Test
    void aTableFindsWhatWasPutByTheCharactersAndKeepsNoMoreThanItsCapacity() {
        ChunkTable<String> table = new ChunkTable<>(3_000);
        char[] text = "xx kata lain xx".toCharArray();
        table.put(text, 3, 7, ChunkedText.hash(text, 3, 7), "kata");
        assertThat(table.get("kata".toCharArray(), 0, 4, ChunkedText.hash("kata".toCharArray(), 0, 4)))
                .isEqualTo("kata");
        assertThat(table.get(text, 8, 12, ChunkedText.hash(text, 8, 12))).isNull();
        for (int i = 0; i < 5_000; i++) {
            char[] word = ("w" + i).toCharArray();
            table.put(word, 0, word.length, ChunkedText.hash(word, 0, word.length), "w" + i);
        }
        assertThat(table.size()).isEqualTo(3_000);
        char[] kept = "w100".toCharArray();
        assertThat(table.get(kept, 0, 4, ChunkedText.hash(kept, 0, 4))).isEqualTo("w100");
        char[] dropped = "w4000".toCharArray();
        assertThat(table.get(dropped, 0, 5, ChunkedText.hash(dropped, 0, 5))).isNull();
    }
}
