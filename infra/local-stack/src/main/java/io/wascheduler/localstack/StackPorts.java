package io.wascheduler.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed ports of the local stack; every service's defaults and the documentation use these. */
public record StackPorts(
    int schedulerApi, int webhookIngest, int statusProjector, int dispatcher, int metaSandbox,
    int kafka, int kafkaController, int postgres) {

    public static final StackPorts STANDARD = new StackPorts(8080, 8081, 8082, 8083, 8090, 9092, 9093, 5433);

    /** The same ports shifted by {@code offset}, so a second stack (a benchmark's) can run beside the first. */
    public StackPorts offsetBy(int offset) {
        return new StackPorts(schedulerApi + offset, webhookIngest + offset, statusProjector + offset, dispatcher + offset,
            metaSandbox + offset, kafka + offset, kafkaController + offset, postgres + offset);
    }

    /** Each port with what listens on it. */
    public Map<String, Integer> byOwner() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        owners.put("scheduler-api", schedulerApi);
        owners.put("webhook-ingest", webhookIngest);
        owners.put("status-projector", statusProjector);
        owners.put("dispatcher-service", dispatcher);
        owners.put("meta-sandbox", metaSandbox);
        owners.put("Kafka", kafka);
        owners.put("Kafka controller", kafkaController);
        owners.put("PostgreSQL", postgres);
        return owners;
    }
}
