package io.newspipe.console;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Safe previews of dead-lettered bytes: they may be anything (Avro, gzip, an image, hostile text), so the preview
 * keeps printable characters, shows every other byte as a middle dot, and is cut to a few hundred characters.
 */
final class Previews {

    static final int MAX_CHARS = 600;

    private Previews() {
    }

    /** Printable text of {@code bytes}, cut to {@link #MAX_CHARS}; empty for none. */
    static String text(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        String s = new String(bytes, 0, Math.min(bytes.length, MAX_CHARS * 4), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(MAX_CHARS).forEach(cp -> {
            if (cp == '\n' || cp == '\t' || (!Character.isISOControl(cp) && cp != 0xFFFD
                    && Character.getType(cp) != Character.FORMAT)) {
                out.appendCodePoint(cp);
            } else {
                out.append('·');
            }
        });
        if (s.codePointCount(0, s.length()) > MAX_CHARS || bytes.length > MAX_CHARS * 4) {
            out.append('…');
        }
        return out.toString();
    }

    /** A key as text when it is printable UTF-8, else hex; {@code -} for none. */
    static String key(byte[] key) {
        if (key == null) {
            return "-";
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key)).toString();
            if (text.codePoints().noneMatch(Character::isISOControl)) {
                return text;
            }
        } catch (CharacterCodingException e) {
            // not text: hex below
        }
        return "0x" + HexFormat.of().formatHex(key, 0, Math.min(key.length, 16)) + (key.length > 16 ? "…" : "");
    }
}
