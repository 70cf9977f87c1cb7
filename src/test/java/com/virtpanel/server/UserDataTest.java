package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What user data the panel accepts on order and reinstall. */
class UserDataTest {

    @Test
    void noneGivenIsNone() {
        assertThat(UserData.checked(null)).isNull();
        assertThat(UserData.checked("  \n")).isNull();
    }

    @Test
    void cloudConfigAndScriptsAreTakenWithUnixLineEnds() {
        assertThat(UserData.checked("#cloud-config\r\nruncmd:\r\n  - [ touch, /x ]\r\n"))
                .isEqualTo("#cloud-config\nruncmd:\n  - [ touch, /x ]\n");
        assertThat(UserData.checked("#!/bin/bash\n\techo \"привет\"\n")).isEqualTo("#!/bin/bash\n\techo \"привет\"\n");
    }

    @Test
    void exactly32KiBIsAllowedOneByteMoreIsNot() {
        String head = "#!/bin/sh\n";
        assertThat(UserData.checked(head + "x".repeat(UserData.MAX_BYTES - head.length()))).hasSize(UserData.MAX_BYTES);
        // "ж" is two bytes in UTF-8: the limit counts bytes, not characters
        refused(head + "x".repeat(UserData.MAX_BYTES - head.length() - 1) + "ж", "32 KiB");
    }

    @Test
    void binaryOrUnknownFormatsAreRefusedWithTheFieldNamed() {
        refused("#!/bin/sh\n\u0000\u0001", "binary");
        refused("#cloud-config\nbad: \uFFFD\n", "binary");
        refused("hostname: web-1\n", "#cloud-config");
        refused("#include http://example.com/x\n", "#cloud-config");
    }

    private static void refused(String userData, String messagePart) {
        assertThatThrownBy(() -> UserData.checked(userData)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("user_data"));
    }
}
