package io.wascheduler.localstack;

import java.util.List;
import java.util.Map;

/**
 * How the service JVMs run beyond their wiring: JVM options for every service and for the Kafka broker, and
 * extra settings per service name (for example a benchmark's larger throughput or quieter webhooks). The
 * default favours a quick start on a small machine; a benchmark wants full JIT compilation instead, the
 * broker's included (under load it is the busiest process of the stack).
 */
public record ServiceTuning(List<String> jvmOptions, Map<String, Map<String, String>> settingsByService,
                            List<String> brokerJvmOptions) {

    private static final List<String> QUICK_START_BROKER = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Quick start: C1 only, a small serial heap. */
    public static final ServiceTuning QUICK_START =
        new ServiceTuning(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of());

    public ServiceTuning {
        jvmOptions = List.copyOf(jvmOptions);
        settingsByService = Map.copyOf(settingsByService);
        brokerJvmOptions = List.copyOf(brokerJvmOptions);
    }

    /** Service options and settings; the broker starts quickly as by default. */
    public ServiceTuning(List<String> jvmOptions, Map<String, Map<String, String>> settingsByService) {
        this(jvmOptions, settingsByService, QUICK_START_BROKER);
    }

    Map<String, String> settingsFor(String service) {
        return settingsByService.getOrDefault(service, Map.of());
    }
}
