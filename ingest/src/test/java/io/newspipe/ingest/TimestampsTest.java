package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2025-07-06T10:00:00+07:00     | 2025-07-06T03:00:00Z",
        "2025-07-06T03:00:00Z          | 2025-07-06T03:00:00Z",
        "2025-07-06T03:00:00.250Z      | 2025-07-06T03:00:00.250Z",
        "Sun, 6 Jul 2025 10:00:00 +0700 | 2025-07-06T03:00:00Z",
        "Sun, 6 Jul 2025 03:00:00 GMT  | 2025-07-06T03:00:00Z",
        "2025-07-06                    | 2025-07-06T00:00:00Z",
    })
    void shouldReadEachAcceptedForm(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"kemarin", "06/07/2025", "2025-13-01", "1751770800", ""})
    void shouldRefuseAnythingElseNamingTheFormsItAccepts(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class)
                .hasMessageContaining("is not a time").hasMessageContaining(Timestamps.FORMS);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"  2025-07-06 ", "\t2025-07-06T03:00:00Z\n"})
    void shouldIgnoreSurroundingSpace(String text) {
        assertThat(Timestamps.parse(text)).isBefore(Instant.parse("2025-07-07T00:00:00Z"));
    }
}
