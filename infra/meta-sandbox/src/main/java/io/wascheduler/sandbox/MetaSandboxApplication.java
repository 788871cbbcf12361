package io.wascheduler.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MetaSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetaSandboxApplication.class, args);
    }
}
