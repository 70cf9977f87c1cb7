package com.virtpanel.architecture;

import com.virtpanel.VirtpanelApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module map (README "Layout"; each module's package-info says what it may use), enforced:
 * only allowed dependencies, only through module APIs.
 */
class ModuleStructureTest {

    @Test
    void modulesOnlyUseEachOthersPublicApiAndAllowedDependencies() {
        ApplicationModules.of(VirtpanelApplication.class).verify();
    }
}
