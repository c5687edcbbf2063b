package io.newspipe.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The small text tests the families share. */
class TextTest {

    /** What endsSentence stands for: the regular expression it replaces. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\"”]$");

    @Test
    void endsSentenceAgreesWithTheRegularExpressionOnEdgeCases() {
        for (String s : new String[] {"", ".", "Harga naik.", "Harga naik", "Siapa?", "Awas!", "kata dia.\"",
            "kata dia.”", "akhir.\n", "akhir.\r\n", "akhir.\r", "akhir.\u0085", "akhir.\u2028", "akhir.\n\n",
            "akhir\n.", "\n", "\r\n", ".\r\n\n", "a.\u2029"}) {
            assertThat(Text.endsSentence(s)).as("%s", s.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(SENTENCE_END.matcher(s).find());
        }
    }

    @Test
    void endsSentenceAgreesWithTheRegularExpressionOnRandomLines() {
        Random random = new Random(20261202);
        String alphabet = "ab .!?\"”\n\r\u0085\u2028\u2029,";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(Text.endsSentence(s.toString())).as("%s", s).isEqualTo(SENTENCE_END.matcher(s).find());
        }
    }
}
