package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.base.Messages;
import com.virtpanel.base.UserMessage;
import org.junit.jupiter.api.Test;

class OperationStepTextsTest {

    @Test
    void everyStepSaysWhatItDoesInEnglishAndRussian() {
        for (Operation.Step step : Operation.Step.values()) {
            assertThat(Messages.has(step.message().key())).as(step.name()).isTrue();
        }
        assertThat(Operation.Step.PREPARE_DISK.message().english()).isEqualTo("Creating the disk");
        assertThat(Operation.Step.PREPARE_DISK.message().in(Messages.RUSSIAN)).isEqualTo("Создание диска");
        assertThat(UserMessage.of("server.step.waiting", 3).in(Messages.RUSSIAN)).isEqualTo("Ожидание хоста, номер 3 в очереди");
    }

    @Test
    void theSameStepIsTheSameMessageSoAQuietPollChangesNothing() {
        assertThat(UserMessage.of("server.step.waiting", 3)).isEqualTo(UserMessage.of("server.step.waiting", 3))
                .hasSameHashCodeAs(UserMessage.of("server.step.waiting", 3))
                .isNotEqualTo(UserMessage.of("server.step.waiting", 4));
    }
}
