package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShadowFileTest {

    static final String HASH = "$6$abcdefgh$Vq0b1nMkr8Yd3jGQmGZ2p8V0xP3C7yTl3mO8hW0yZlYyQ5y3mZQ8m0q3m6qgG4b7mE1e7zB9YwC8hS0xT2p3/.";

    @Test
    void onlyRootsPasswordFieldChangesAndEveryOtherByteStays() {
        String shadow = "root:*:20784:0:99999:7:::\ndaemon:*:20784:0:99999:7:::\nnobody:!:1:2:3:4:5:6:\n";
        assertThat(ShadowFile.withRootHash(shadow, HASH))
                .isEqualTo("root:" + HASH + ":20784:0:99999:7:::\ndaemon:*:20784:0:99999:7:::\nnobody:!:1:2:3:4:5:6:\n");
    }

    @Test
    void aFileWithoutTrailingNewlineOrWithCarriageReturnsKeepsThem() {
        assertThat(ShadowFile.withRootHash("x:y:1\r\nroot:old:1:2:3:4:5:6:7", HASH)).isEqualTo("x:y:1\r\nroot:" + HASH + ":1:2:3:4:5:6:7");
    }

    @Test
    void aSystemWithoutARootLineIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> ShadowFile.withRootHash("daemon:*:1:0:99999:7:::\n", HASH))
                .isInstanceOf(HostException.class).hasMessageContaining("no root account");
    }

    @Test
    void aUserCalledRootSomethingIsNotRoot() {
        assertThat(ShadowFile.withRootHash("rootless:*:1::::::\nroot:*:1::::::\n", HASH))
                .isEqualTo("rootless:*:1::::::\nroot:" + HASH + ":1::::::\n");
    }
}
