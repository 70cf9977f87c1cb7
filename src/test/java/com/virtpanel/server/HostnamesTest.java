package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class HostnamesTest {

    @Test
    void rfc1123NamesAreAcceptedAndLowerCased() {
        assertThat(Hostnames.normalise("Web-1")).isEqualTo("web-1");
        assertThat(Hostnames.normalise("db.example.com.")).isEqualTo("db.example.com");
        assertThat(Hostnames.normalise("1web")).isEqualTo("1web");
    }

    @Test
    void badNamesAreRefusedOnTheNameField() {
        for (String bad : new String[] {"", " ", "-a", "a-", "a_b", "a..b", ".a", "x".repeat(64), "ä", "123", "a b"}) {
            assertThatThrownBy(() -> Hostnames.normalise(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("name"));
        }
    }
}
