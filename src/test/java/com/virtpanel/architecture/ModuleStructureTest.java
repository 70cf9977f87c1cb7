package com.virtpanel.architecture;

import com.virtpanel.VirtpanelApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module map of DESIGN.md, enforced: only allowed dependencies, only through module APIs. */
class ModuleStructureTest {

    @Test
    void modulesOnlyUseEachOthersPublicApiAndAllowedDependencies() {
        ApplicationModules.of(VirtpanelApplication.class).verify();
    }
}
