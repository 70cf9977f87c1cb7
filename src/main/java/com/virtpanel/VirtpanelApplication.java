package com.virtpanel;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@Theme("virtpanel")
public class VirtpanelApplication implements AppShellConfigurator {
    public static void main(String[] args) {
        SpringApplication.run(VirtpanelApplication.class, args);
    }
}
