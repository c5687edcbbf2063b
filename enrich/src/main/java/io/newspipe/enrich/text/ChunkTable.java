package io.newspipe.enrich.text;

import java.util.Arrays;

/**
 * What a reader made of each piece of text it has met, looked up by the characters in the text without copying
 * them: open addressing from a character sequence (and its {@link ChunkedText#hash(char[], int, int)}) to a value.
 * Holds at most a given number of entries, beyond which new ones are not kept (a hostile stream of distinct words
 * cannot grow it without bound). Not thread-safe: one table per thread.
 *
 * @param <V> what is remembered of a piece of text
 */
public final class ChunkTable<V> {

    private final int capacity;
    private char[][] keys = new char[1024][];
    private int[] hashes = new int[1024];
    private Object[] values = new Object[1024];
    private int size;

    /** A table that keeps at most {@code capacity} entries. */
    public ChunkTable(int capacity) {
        this.capacity = capacity;
    }

    /** The value kept for the characters {@code text[start, end)} with hash {@code hash}, or null. */
    @SuppressWarnings("unchecked")
    public V get(char[] text, int start, int end, int hash) {
        int mask = keys.length - 1;
        for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameCharacters(keys[slot], text, start, end)) {
                return (V) values[slot];
            }
        }
        return null;
    }

    /** Arrays.equals on a range, as a plain loop: faster for the few characters of a word. */
    private static boolean sameCharacters(char[] key, char[] text, int start, int end) {
        if (key.length != end - start) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != text[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps {@code value} (not null) for {@code text[start, end)}, unless the table is full. */
    public void put(char[] text, int start, int end, int hash, V value) {
        if (size >= capacity) {
            return;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(Arrays.copyOfRange(text, start, end), hash, value);
        size++;
    }

    public int size() {
        return size;
    }

    private void insert(char[] key, int hash, Object value) {
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        hashes[slot] = hash;
        values[slot] = value;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        keys = new char[oldKeys.length * 2][];
        hashes = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldHashes[i], oldValues[i]);
            }
        }
    }
}
