package io.wascheduler.sandbox;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MetaSandboxApplication {

    /**
     * The sandbox reads {@code meta-sandbox.yml}, not {@code application.yml}, so that started inside another
     * application's tests it never picks up that application's configuration.
     */
    static final String CONFIG_NAME = "meta-sandbox";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MetaSandboxApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
