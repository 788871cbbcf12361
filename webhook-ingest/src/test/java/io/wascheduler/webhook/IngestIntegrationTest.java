package io.wascheduler.webhook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole service on a random port against a real in-process KRaft broker. Every class carrying it
 * shares one application context, hence one broker, so tests tell their records apart by content.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "wa.webhook.app-secret=" + IngestIntegrationTest.APP_SECRET,
    "wa.webhook.verify-token=" + IngestIntegrationTest.VERIFY_TOKEN})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureWebTestClient
@interface IngestIntegrationTest {

    String APP_SECRET = "integration-app-secret";
    String VERIFY_TOKEN = "integration-verify-token";
}
