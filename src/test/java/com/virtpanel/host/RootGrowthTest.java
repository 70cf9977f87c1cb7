package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RootGrowthTest {

    @Test
    void partListOutputIsReadAsNumberStartAndEnd() {
        var parts = RootGrowth.partitions(List.of("[0] = {", "  part_num: 14", "  part_start: 1048576", "  part_end: 4194303",
                "  part_size: 3145728", "}", "[1] = {", "  part_num: 1", "  part_start: 265289728", "  part_end: 2147466751",
                "  part_size: 1882177024", "}"));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1)).containsExactly(1, 265289728, 2147466751);
    }
}
