package com.virtpanel.base.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PanelRolesTest {

    @Test
    void hostRoleRunsTheHostSchedulerWebAloneDoesNot() {
        assertThat(new PanelRoles(Set.of("web", "host")).host()).isTrue();
        assertThat(new PanelRoles(Set.of(" Host ")).host()).isTrue();
        assertThat(new PanelRoles(Set.of("web")).host()).isFalse();
    }

    @Test
    void anUnknownOrNoRoleIsRefusedAtStartWithTheSetting() {
        assertThatThrownBy(() -> new PanelRoles(Set.of("web", "db"))).hasMessageContaining("panel.roles").hasMessageContaining("db");
        assertThatThrownBy(() -> new PanelRoles(Set.of(" "))).hasMessageContaining("panel.roles");
    }
}
