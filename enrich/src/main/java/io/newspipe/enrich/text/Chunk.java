package io.newspipe.enrich.text;

/**
 * One distinct chunk of text (a run of characters between ASCII white space) as a thread has met it, with what each
 * reader made of it: the language detector its word counts, each lexicon of the tagger its stem codes, the
 * fingerprints its normal form. A reader asks for its note by identity and, when there is none, works it out from
 * the chunk's characters and leaves it, so the same chunk in a later text costs no reading at all.
 *
 * <p>Notes are immutable values published through a volatile array (copied on each addition), so a chunk read on
 * another thread than the one that met it is safe; two readers adding at once may lose one note, which is then
 * worked out again. At most {@value #MOST_READERS} readers keep notes on a chunk.
 */
public final class Chunk {

    private static final int MOST_READERS = 8;
    private static final Object[] NONE = new Object[0];

    private final char[] chars;
    private volatile Object[] notes = NONE; // reader, note, reader, note, ...

    Chunk(char[] chars) {
        this.chars = chars;
    }

    /** The chunk's characters (not a copy: read them, do not change them). */
    public char[] chars() {
        return chars;
    }

    /** What {@code reader} noted of this chunk, or null. */
    public Object note(Object reader) {
        Object[] current = notes;
        for (int i = 0; i < current.length; i += 2) {
            if (current[i] == reader) {
                return current[i + 1];
            }
        }
        return null;
    }

    /** Keeps {@code note} (immutable, not null) as what {@code reader} made of this chunk. */
    public void remember(Object reader, Object note) {
        Object[] current = notes;
        if (current.length >= 2 * MOST_READERS) {
            return;
        }
        Object[] next = java.util.Arrays.copyOf(current, current.length + 2);
        next[current.length] = reader;
        next[current.length + 1] = note;
        notes = next;
    }
}
