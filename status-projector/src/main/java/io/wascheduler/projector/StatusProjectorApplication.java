package io.wascheduler.projector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusProjectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatusProjectorApplication.class, args);
    }
}
