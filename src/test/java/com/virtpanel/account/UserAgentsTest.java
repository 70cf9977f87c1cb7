package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void commonBrowsersReadAsBrowserOnSystem() {
        assertThat(UserAgents.summary("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .isEqualTo("Firefox on Linux");
        assertThat(UserAgents.summary("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on Windows");
        assertThat(UserAgents.summary("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
        assertThat(UserAgents.summary("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "HeadlessChrome/120.0 Safari/537.36")).isEqualTo("Headless Chrome on Linux");
    }

    @Test
    void toolsAndMissingHeadersStayReadable() {
        assertThat(UserAgents.summary("curl/8.5.0")).isEqualTo("curl");
        assertThat(UserAgents.summary(null)).isEqualTo("Unknown client");
        assertThat(UserAgents.summary("  ")).isEqualTo("Unknown client");
    }
}
