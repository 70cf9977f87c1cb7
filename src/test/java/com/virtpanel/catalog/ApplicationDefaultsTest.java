package com.virtpanel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped defaults (no profile), as `./panel run` uses them: every path resolved. */
class ApplicationDefaultsTest {

    @Test
    void theDemoImageIsSeededFromTheStorageDirectory() throws Exception {
        var environment = new StandardEnvironment();
        for (var source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        CatalogProperties catalog = Binder.get(environment).bind("panel.catalog", CatalogProperties.class).get();
        assertThat(catalog.demoImageDir()).isEqualTo("/var/lib/virtpanel/images/demo");
    }
}
