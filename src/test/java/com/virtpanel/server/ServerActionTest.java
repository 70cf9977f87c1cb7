package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules the server service enforces and the server page shows: which status allows what, and why not. */
class ServerActionTest {

    @Test
    void powerActionsFollowTheStatus() {
        assertThat(refusal(ServerAction.START, ServerStatus.STOPPED, () -> true)).isNull();
        assertThat(refusal(ServerAction.START, ServerStatus.RUNNING, () -> true))
                .isEqualTo("You cannot start this server now: it is running.");
        assertThat(refusal(ServerAction.REBOOT, ServerStatus.REBOOTING, () -> true)).isNull();
        assertThat(refusal(ServerAction.POWER_OFF, ServerStatus.FAILED, () -> true))
                .isEqualTo("You cannot power off this server now: its last operation failed.");
        assertThat(refusal(ServerAction.REINSTALL, ServerStatus.FAILED, () -> true)).isNotNull();
        assertThat(refusal(ServerAction.DELETE, ServerStatus.FAILED, () -> true)).isNull();
    }

    @Test
    void offlineChangesNeedALinuxGuestAndSayWhy() {
        assertThat(refusal(ServerAction.RESET_PASSWORD, ServerStatus.RUNNING, () -> false))
                .isEqualTo("Resetting the root password works for Linux servers only.");
        assertThat(refusal(ServerAction.ADD_SSH_KEY, ServerStatus.STOPPED, () -> false))
                .isEqualTo("Adding an SSH key works for Linux servers only.");
        assertThat(refusal(ServerAction.ADD_SSH_KEY, ServerStatus.RUNNING, () -> true))
                .isEqualTo("Keys are added to a stopped server: shut it down first.");
        assertThat(refusal(ServerAction.ADD_SSH_KEY, ServerStatus.STOPPED, () -> true)).isNull();
    }

    @Test
    void theOsIsAskedOnlyForActionsThatNeedIt() {
        assertThat(refusal(ServerAction.REBOOT, ServerStatus.RUNNING, () -> {
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
        assertThat(refusal(ServerAction.BOOT_ISO, ServerStatus.STOPPED, () -> true)).isNull();
        assertThat(refusal(ServerAction.BOOT_ISO, ServerStatus.RUNNING, () -> false)).isNull();
        assertThat(refusal(ServerAction.BOOT_ISO, ServerStatus.REINSTALLING, () -> true)).contains("reinstalling");
        assertThat(refusal(ServerAction.BOOT_ISO, ServerStatus.PROVISIONING, () -> true)).isNotNull();
        assertThat(refusal(ServerAction.BOOT_ISO, ServerStatus.DELETING, () -> true)).isNotNull();
        assertThat(ServerAction.EJECT_ISO.refusal(ServerStatus.RUNNING, () -> true, false).english()).isEqualTo("No ISO is attached.");
        assertThat(ServerAction.EJECT_ISO.refusal(ServerStatus.RUNNING, () -> true, true)).isNull();
    }

    @Test
    void refusalsAreSaidInRussianToo() {
        assertThat(ServerAction.START.refusal(ServerStatus.RUNNING, () -> true).in(com.virtpanel.base.Messages.RUSSIAN))
                .isEqualTo("Сейчас нельзя запустить этот сервер: он запущен.");
    }

    /** The refusal in English, as the API's default language and the logs say it. */
    private static String refusal(ServerAction action, ServerStatus status, java.util.function.BooleanSupplier linux) {
        var message = action.refusal(status, linux);
        return message == null ? null : message.english();
    }
}
