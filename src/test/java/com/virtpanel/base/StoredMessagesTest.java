package com.virtpanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredMessagesTest {

    @Test
    void aStoredMessageComesBackWithItsNestedReasonAndNumbers() {
        UserMessage failed = UserMessage.of("server.failure.provision", UserMessage.of("server.step.waiting", 3));
        UserMessage back = StoredMessages.read(StoredMessages.write(failed));
        assertThat(back.key()).isEqualTo(failed.key());
        assertThat(back.in(Messages.RUSSIAN)).isEqualTo("Не удалось подготовить сервер: Ожидание хоста, номер 3 в очереди");
        assertThat(back.english()).isEqualTo("Setting up the server failed: Waiting for the host, number 3 in line");
    }

    @Test
    void literalsAndForeignTextsSurvive() {
        UserMessage literal = UserMessage.literal("qemu said no");
        assertThat(StoredMessages.read(StoredMessages.write(literal)).english()).isEqualTo("qemu said no");
        assertThat(StoredMessages.read("not json").english()).isEqualTo("not json");
        assertThat(StoredMessages.read(null)).isNull();
    }
}
