package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Keys generated with ssh-keygen; fingerprints as `ssh-keygen -lf` printed them. */
class SshPublicKeyTest {

    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcfXypkxgr4HAcXQcoq6RaLI+VTJ7r5YW6hbyKiFY12 test@virtpanel";
    static final String ECDSA = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBGHQmSDRxcDj0ipaEqEgLAOOOD4RGLM8We0QzeKgR3JCBXBkS6kaeqAhCPo7zXFtKsGg7Vk9qtbtuFx/zBJC+fQ= ec@x";
    static final String RSA_2048 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC5t2pu0+Elv7agBfoG9QsWPm8ptrFhAlGgStVD/eaUfvxJb9dTMf/BI8Pv/mZtvab187//E+4ZhL7TSe3sPPyTV74goAurb+xwCkcOjaq+EfhwnDMdYJ/RfVsSfmcAgzhxy9Y9KNDC9myIkZ5gsCaEtfmqrXKwhOK9RI0T1SpFfVTbmx6rrYvzLXXhWSm+WT8eT2iWs1Hox+gY4ZzuOo2vB2oJBuguYvstDXAOdDWNZ5l3VmOTwrFebYSbkM8YMdCdJ8hAaUDsXPcBKqnMaclBD3hOf+WmShO8iRVlm31BUnn+t6SyKoF+yWOcyrhJfm6cbb0Xcya65l04OS14bDsd rsa@x";
    static final String RSA_1024 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC46Ro/5QA0SysvEzyTrMyOwsSkyFHNHtjeEs+M6ETE2KP5sOH48GqWgf6Przh+shH+YIujEo1EYRwKQ+lh9pvfpfwjsbwFXBhvGWuLQ4NMS7k2q+jvpSPbeJAYsR/85Bm4Tdn90uuxpr8zSbQHnpbT790JHirH4twJpALsU51sUw== weak@x";

    @Test
    void fingerprintsMatchSshKeygen() {
        assertThat(SshPublicKey.parse("k", ED25519).fingerprint()).isEqualTo("SHA256:hP74erH93b7YaFEUmcMTJJUvwho0steNXNnfaTBND3g");
        assertThat(SshPublicKey.parse("k", ECDSA).fingerprint()).isEqualTo("SHA256:Xw1LkOwr9Jdf98AouXq2EV05N7YOHn2vM/wfHuhdL3Q");
        assertThat(SshPublicKey.parse("k", RSA_2048).fingerprint()).isEqualTo("SHA256:HkMUhSHPIxBfX4Ap5TmB9AOVW7rDkDhtMiYVU1nmD6A");
    }

    @Test
    void typeSizeAndCommentAreRead() {
        var rsa = SshPublicKey.parse("k", RSA_2048);
        assertThat(rsa.bits()).isEqualTo(2048);
        assertThat(rsa.family()).isEqualTo("RSA");
        assertThat(rsa.comment()).isEqualTo("rsa@x");
        assertThat(SshPublicKey.parse("k", "  " + ED25519 + "\n").line()).isEqualTo(ED25519);
    }

    @Test
    void rsaKeysUnder2048BitsAreRefusedWithTheirSize() {
        assertThatThrownBy(() -> SshPublicKey.parse("k", RSA_1024))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1024 bits");
    }

    @Test
    void damagedForeignAndPrivateKeysAreRefusedWithAReason() {
        assertThatThrownBy(() -> SshPublicKey.parse("k", ED25519.substring(0, 60))).hasMessageContaining("incomplete");
        assertThatThrownBy(() -> SshPublicKey.parse("k", "ssh-dss AAAAB3NzaC1kc3M= x")).hasMessageContaining("not accepted");
        assertThatThrownBy(() -> SshPublicKey.parse("k", "ssh-rsa " + ED25519.split(" ")[1])).hasMessageContaining("contains");
        assertThatThrownBy(() -> SshPublicKey.parse("k", "-----BEGIN OPENSSH PRIVATE KEY-----")).hasMessageContaining("private key");
        assertThatThrownBy(() -> SshPublicKey.parse("k", "ssh-ed25519 %%%")).hasMessageContaining("base64");
        assertThatThrownBy(() -> SshPublicKey.parse("k", "")).isInstanceOf(InvalidInputException.class);
    }
}
