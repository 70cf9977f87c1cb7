package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.Test;

class RootPasswordsTest {

    @Test
    void generatedPasswordsAreLongMixedAndNeverRepeat() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 200; i++) {
            String p = RootPasswords.generate();
            assertThat(p).hasSize(20).matches("[a-zA-Z2-9]+").containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]")
                    .doesNotContainPattern("[0O1lI]");
            assertThat(seen.add(p)).isTrue();
        }
    }

    @Test
    void theHashIsSha512CryptOfThePasswordWithAFreshSalt() {
        String hash = RootPasswords.hash("Kx7pQ2mZr9TtWb4nHs3c");
        assertThat(hash).startsWith("$6$").matches("\\$6\\$[a-zA-Z0-9./]{16}\\$[a-zA-Z0-9./]{86}");
        assertThat(Sha2Crypt.sha512Crypt("Kx7pQ2mZr9TtWb4nHs3c".getBytes(), hash)).isEqualTo(hash);
        assertThat(RootPasswords.hash("Kx7pQ2mZr9TtWb4nHs3c")).isNotEqualTo(hash);
    }
}
