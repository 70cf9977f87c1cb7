package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryInstantsTest {

    static final Instant NOON = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void isoInstantsAreReadWithZOrAnOffsetEvenWhenThePlusArrivedAsASpace() {
        assertThat(QueryInstants.parse("start", "2026-12-06T12:00:00Z")).isEqualTo(NOON);
        assertThat(QueryInstants.parse("start", "2026-12-06T14:00:00+02:00")).isEqualTo(NOON);
        assertThat(QueryInstants.parse("start", "2026-12-06T14:00:00 02:00")).isEqualTo(NOON);
        assertThat(QueryInstants.parse("start", "2026-12-06T07:00:00-05:00")).isEqualTo(NOON);
        assertThat(QueryInstants.parse("start", "2026-12-06T12:00:00.250Z")).isEqualTo(NOON.plusMillis(250));
    }

    @Test
    void anInstantWithoutAZoneIsUtc() {
        assertThat(QueryInstants.parse("start", "2026-12-06T12:00:00")).isEqualTo(NOON);
        assertThat(QueryInstants.parse("start", "2026-12-06T12:00")).isEqualTo(NOON);
    }

    @Test
    void unixTimeIsSecondsWithAFractionOrMilliseconds() {
        long seconds = NOON.getEpochSecond();
        assertThat(QueryInstants.parse("end", Long.toString(seconds))).isEqualTo(NOON);
        assertThat(QueryInstants.parse("end", seconds + ".5")).isEqualTo(NOON.plusMillis(500));
        assertThat(QueryInstants.parse("end", Long.toString(NOON.toEpochMilli()))).isEqualTo(NOON);
    }

    @Test
    void absentIsNullAndNonsenseIs400NamingTheField() {
        assertThat(QueryInstants.parse("start", null)).isNull();
        assertThat(QueryInstants.parse("start", " ")).isNull();
        for (String bad : new String[] {"yesterday", "2026-13-01T00:00:00Z", "2026-12-06", "12.5.3", "-5", "99999999999999999"}) {
            assertThatThrownBy(() -> QueryInstants.parse("start", bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("start"));
        }
    }
}
