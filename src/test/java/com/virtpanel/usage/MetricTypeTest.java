package com.virtpanel.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class MetricTypeTest {

    @Test
    void aCommaSeparatedListIsParsedIgnoringCaseAndSpaces() {
        assertThat(MetricType.parse(" CPU, network")).containsExactly(MetricType.CPU, MetricType.NETWORK);
    }

    @Test
    void noTypeMeansAllOfThem() {
        assertThat(MetricType.parse(null)).containsExactly(MetricType.values());
        assertThat(MetricType.parse("")).containsExactly(MetricType.values());
    }

    @Test
    void anUnknownTypeIsAnInputErrorOnTheTypeField() {
        assertThatThrownBy(() -> MetricType.parse("cpu,memory"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("memory")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("type"));
    }
}
