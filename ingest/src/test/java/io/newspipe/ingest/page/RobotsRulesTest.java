package io.newspipe.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** robots.txt as RFC 9309 reads it. */
class RobotsRulesTest {

    private static final String ROBOTS = """
            # our rules
            User-agent: *
            Disallow: /cari
            Disallow: /*.pdf$
            Allow: /cari/bantuan

            User-agent: NewsPipe
            User-agent: otherbot
            Disallow: /arsip/
            Allow: /arsip/terbuka
            Crawl-delay: 2.5
            """;

    @Test
    void shouldUseTheGroupThatNamesTheCrawlerCaseInsensitively() {
        RobotsRules r = RobotsRules.parse(ROBOTS, "newspipe");
        assertThat(r.allows("/arsip/2020/berita")).isFalse();
        assertThat(r.allows("/arsip/terbuka/1")).isTrue();
        assertThat(r.allows("/cari?q=banjir")).as("the * group does not apply when a group names us").isTrue();
        assertThat(r.crawlDelay()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void shouldFallBackToTheStarGroupWithLongestMatchAndWildcards() {
        RobotsRules r = RobotsRules.parse(ROBOTS, "someotherbot");
        assertThat(r.allows("/cari?q=banjir")).isFalse();
        assertThat(r.allows("/cari/bantuan")).as("the longer allow wins").isTrue();
        assertThat(r.allows("/laporan/2026.pdf")).isFalse();
        assertThat(r.allows("/laporan/2026.pdf?v=2")).as("$ anchors the end").isTrue();
        assertThat(r.allows("/berita/1")).isTrue();
        assertThat(r.crawlDelay()).isZero();
    }

    @Test
    void shouldAllowEverythingWithoutRulesAndNothingWhenUnreadable() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "newspipe").allows("/x")).isTrue();
        assertThat(RobotsRules.parse("", "newspipe").allows("/x")).isTrue();
        assertThat(RobotsRules.DISALLOW_ALL.allows("/")).isFalse();
        assertThat(RobotsRules.parse("User-agent: *\nAllow: /x\nDisallow: /x\n", "newspipe").allows("/x"))
                .as("allow wins a tie").isTrue();
    }
}
