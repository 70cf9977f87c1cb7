package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizedKeysTest {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D alice@laptop";

    @Test
    void aKeyIsAppendedOnItsOwnLine() {
        assertThat(AuthorizedKeys.withKey("ssh-rsa AAAAB3 bob", KEY)).isEqualTo("ssh-rsa AAAAB3 bob\n" + KEY + "\n");
        assertThat(AuthorizedKeys.withKey("ssh-rsa AAAAB3 bob\n", KEY)).isEqualTo("ssh-rsa AAAAB3 bob\n" + KEY + "\n");
        assertThat(AuthorizedKeys.withKey("", KEY)).isEqualTo(KEY + "\n");
    }

    @Test
    void aKeyThatIsThereAlreadyEvenWithOptionsOrAnotherCommentIsNotAddedTwice() {
        String existing = "no-pty,from=\"10.0.0.1\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D other\n";
        assertThat(AuthorizedKeys.withKey(existing, KEY)).isNull();
    }

    @Test
    void commentsAndBlankLinesAreNotKeys() {
        assertThat(AuthorizedKeys.blob("# ssh-ed25519 AAAA")).isNull();
        assertThat(AuthorizedKeys.blob("   ")).isNull();
    }
}
