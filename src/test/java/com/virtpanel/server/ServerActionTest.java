package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules the server service enforces and the server page shows: which status allows what, and why not. */
class ServerActionTest {

    @Test
    void powerActionsFollowTheStatus() {
        assertThat(ServerAction.START.refusal(ServerStatus.STOPPED, () -> true)).isNull();
        assertThat(ServerAction.START.refusal(ServerStatus.RUNNING, () -> true))
                .isEqualTo("You cannot start this server now: it is running.");
        assertThat(ServerAction.REBOOT.refusal(ServerStatus.REBOOTING, () -> true)).isNull();
        assertThat(ServerAction.POWER_OFF.refusal(ServerStatus.FAILED, () -> true))
                .isEqualTo("You cannot power off this server now: its last operation failed.");
        assertThat(ServerAction.REINSTALL.refusal(ServerStatus.FAILED, () -> true)).isNotNull();
        assertThat(ServerAction.DELETE.refusal(ServerStatus.FAILED, () -> true)).isNull();
    }

    @Test
    void offlineChangesNeedALinuxGuestAndSayWhy() {
        assertThat(ServerAction.RESET_PASSWORD.refusal(ServerStatus.RUNNING, () -> false))
                .isEqualTo("Resetting the root password works for Linux servers only.");
        assertThat(ServerAction.ADD_SSH_KEY.refusal(ServerStatus.STOPPED, () -> false))
                .isEqualTo("Adding an SSH key works for Linux servers only.");
        assertThat(ServerAction.ADD_SSH_KEY.refusal(ServerStatus.RUNNING, () -> true))
                .isEqualTo("Keys are added to a stopped server: shut it down first.");
        assertThat(ServerAction.ADD_SSH_KEY.refusal(ServerStatus.STOPPED, () -> true)).isNull();
    }

    @Test
    void theOsIsAskedOnlyForActionsThatNeedIt() {
        assertThat(ServerAction.REBOOT.refusal(ServerStatus.RUNNING, () -> {
            throw new AssertionError("asked for the OS");
        })).isNull();
    }

    @Test
    void theConsoleIsOfferedWhileTheGuestRuns() {
        assertThat(ServerAction.CONSOLE.permits(ServerStatus.RUNNING)).isTrue();
        assertThat(ServerAction.CONSOLE.permits(ServerStatus.REBOOTING)).isTrue();
        assertThat(ServerAction.CONSOLE.permits(ServerStatus.STOPPED)).isFalse();
    }

    @Test
    void anIsoBootsOnASettledServerAndIsEjectedOnlyWhenOneIsAttached() {
        assertThat(ServerAction.BOOT_ISO.refusal(ServerStatus.STOPPED, () -> true)).isNull();
        assertThat(ServerAction.BOOT_ISO.refusal(ServerStatus.RUNNING, () -> false)).isNull();
        assertThat(ServerAction.BOOT_ISO.refusal(ServerStatus.REINSTALLING, () -> true)).contains("reinstalling");
        assertThat(ServerAction.BOOT_ISO.refusal(ServerStatus.PROVISIONING, () -> true)).isNotNull();
        assertThat(ServerAction.BOOT_ISO.refusal(ServerStatus.DELETING, () -> true)).isNotNull();
        assertThat(ServerAction.EJECT_ISO.refusal(ServerStatus.RUNNING, () -> true, false)).isEqualTo("No ISO is attached.");
        assertThat(ServerAction.EJECT_ISO.refusal(ServerStatus.RUNNING, () -> true, true)).isNull();
    }
}
