package com.virtpanel.base.ui;

import com.vaadin.flow.spring.RootMappedCondition;
import com.vaadin.flow.spring.SpringBootAutoConfiguration;
import com.vaadin.flow.spring.SpringServlet;
import com.vaadin.flow.spring.VaadinConfigurationProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ViewsFirstServlet} in place of Vaadin's own, with Vaadin's own registration settings. */
@Configuration
class ViewsFirstServletConfig {

    @Bean
    ServletRegistrationBean<SpringServlet> viewsFirstServlet(ApplicationContext context,
            ObjectProvider<MultipartConfigElement> multipartConfig, VaadinConfigurationProperties properties) {
        boolean rootMapping = RootMappedCondition.isRootMapping(properties.getUrlMapping());
        return SpringBootAutoConfiguration.configureServletRegistrationBean(multipartConfig, properties,
                new ViewsFirstServlet(context, rootMapping));
    }
}
