package io.newspipe.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The literals read off an expression: one of them is in every match, and the reader gives up where unsure. */
class RequiredLiteralsTest {

    @Test
    void readsRunsGroupsAndQuotes() {
        // the group, " ini " and " di " are each required; of the candidates the longest shortest literal wins
        assertThat(RequiredLiterals.of("(?:Artikel|Berita) ini \\w+ di ")).containsExactly("Artikel ini ",
                "Berita ini ");
        assertThat(RequiredLiterals.of("\\(adsbygoogle\\s{0,3}=")).containsExactly("(adsbygoogle");
        assertThat(RequiredLiterals.of("\\s{0,3}(?:[-•]{1,2}\\s{0,2})?[(\\[]?\\s{0,2}(?:\\QBaca juga\\E|\\QBACA\\E)"))
                .containsExactly("Baca juga", "BACA");
        assertThat(RequiredLiterals.of("(?i)(?:tags?|topik terkait|kata kunci)\\s{0,2}:")).containsExactly("tag",
                "topik terkait", "kata kunci");
        assertThat(RequiredLiterals.of("(?<roles>(?:\\QEditor\\E|\\QPewarta\\E))(?:\\s{0,3}[|:]){1,3}"))
                .containsExactly("Editor", "Pewarta");
    }

    @Test
    void multipliesOutRunsOfAtomsWithFewTexts() {
        assertThat(RequiredLiterals.of("(?:Artikel|Berita) ini (?:telah )?(?:tayang|terbit)")).containsExactly(
                "Artikel ini telah tayang", "Artikel ini telah terbit", "Artikel ini tayang", "Artikel ini terbit",
                "Berita ini telah tayang", "Berita ini telah terbit", "Berita ini tayang", "Berita ini terbit");
        assertThat(RequiredLiterals.of("abc?d")).containsExactly("abcd", "abd");
        // a text that holds another of the set adds nothing: the shorter one is there whenever it is
        assertThat(RequiredLiterals.of("(?:x|y)?z")).containsExactly("z");
        assertThat(RequiredLiterals.of("(?i)(?:tags?|topik terkait)\\s{0,2}:")).containsExactly("tag",
                "topik terkait");
        // only "at most once" multiplies out: a repeated atom ends the run
        assertThat(RequiredLiterals.of("ab(?:c|d)+ef")).containsExactly("ab");
        assertThat(RequiredLiterals.of("(?:a|b){0,2}cd")).containsExactly("cd");
    }

    @Test
    void readsWhetherEveryMatchHoldsADigit() {
        assertThat(RequiredLiterals.requiresDigit("Halaman \\d+")).isTrue();
        assertThat(RequiredLiterals.requiresDigit("(?:\\d{1,2} Mei|Pukul [0-9]{2})")).isFalse(); // a range is not read
        assertThat(RequiredLiterals.requiresDigit("(?:\\d{1,2} Mei|Tahun 2024)")).isTrue();
        assertThat(RequiredLiterals.requiresDigit("Hari ke-\\d?")).isFalse();
        assertThat(RequiredLiterals.requiresDigit("\\d+|Baca juga")).isFalse();
        assertThat(RequiredLiterals.requiresDigit("(?:(?:Senin, )?\\d{1,2}/\\d{1,2})")).isTrue();
        assertThat(RequiredLiterals.requiresDigit("[12]\\s")).isTrue();
        assertThat(RequiredLiterals.requiresDigit("\\x31")).isFalse();
    }

    @Test
    void everyAlternativeNeedsALiteral() {
        assertThat(RequiredLiterals.of("READ MORE|Click here")).containsExactly("READ MORE", "Click here");
        assertThat(RequiredLiterals.of("READ MORE|\\d+ min")).containsExactly("READ MORE", " min");
        assertThat(RequiredLiterals.of("READ MORE|[a-z]+")).isEmpty();
    }

    @Test
    void optionalAndZeroWidthAtomsGiveNothing() {
        assertThat(RequiredLiterals.of("abc\\s?d")).containsExactly("abc");
        assertThat(RequiredLiterals.of("(?=Baca)\\w+")).isEmpty();
        assertThat(RequiredLiterals.of("(?<![a-z])foo\\b")).containsExactly("foo");
        assertThat(RequiredLiterals.of("x{0,3}yy")).containsExactly("yy");
        assertThat(RequiredLiterals.of("x{2,3}")).isEmpty();
    }

    @Test
    void smallClassesGiveTheirCharacters() {
        assertThat(RequiredLiterals.of("\\p{Lu}+\\s{1,2}(?:--|[-–—])\\s")).containsExactly("-", "–", "—");
        assertThat(RequiredLiterals.of("[a-z]+[|:]")).containsExactly("|", ":");
        assertThat(RequiredLiterals.of("[^|:]+")).isEmpty();
        assertThat(RequiredLiterals.of("[(\\[]x")).containsExactly("(x", "[x");
    }

    @Test
    void givesUpOnConstructsItDoesNotKnow() {
        assertThat(RequiredLiterals.of("\\x41BC")).isEmpty();
        assertThat(RequiredLiterals.of("(a)\\1bc")).isEmpty();
        assertThat(RequiredLiterals.of("(?x) a b c")).isEmpty();
        assertThat(RequiredLiterals.of("[]abc")).isEmpty();
    }
}
