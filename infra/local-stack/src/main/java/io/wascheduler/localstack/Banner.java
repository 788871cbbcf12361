package io.wascheduler.localstack;

import io.wascheduler.localstack.demo.DemoEnv;
import java.nio.file.Path;

/** What the developer sees once the stack is up: where everything is and how to try it. */
final class Banner {

    private Banner() {
    }

    static String text(StackLayout layout, DemoEnv demo) {
        StackPorts ports = layout.ports();
        Path root = layout.repositoryRoot();
        String api = layout.httpBase(ports.schedulerApi()).toString();
        String demoEnv = relative(root, layout.demoEnvFile());
        return String.join(System.lineSeparator(),
            "",
            "==========================================================================================",
            " wa-scheduler local stack is up",
            "",
            "  scheduler-api       " + api + "   (Swagger UI " + api + "/swagger-ui.html)",
            "  webhook-ingest      " + layout.httpBase(ports.webhookIngest()) + "/webhooks/whatsapp",
            "  status-projector    " + layout.httpBase(ports.statusProjector()),
            "  dispatcher-service  " + layout.httpBase(ports.dispatcher()) + "/actuator/health",
            "  Meta sandbox ledger " + layout.httpBase(ports.metaSandbox()) + "/sandbox/messages",
            "  Kafka bootstrap     " + layout.kafkaBootstrapServers(),
            "  PostgreSQL          " + layout.jdbcUrl() + "  (user " + StackLayout.DATABASE_USER
                + ", password in " + relative(root, layout.secretsFile()) + ")",
            "",
            "  demo API key        " + demo.apiKey(),
            "  demo sender         " + demo.sender(),
            "  for scripts         " + demoEnv + "  (set -a; . " + demoEnv + "; set +a)",
            "  logs                " + relative(root, layout.logsDirectory()) + "/<name>.log",
            "",
            "  try it:",
            "    curl -s -X POST " + api + "/v1/messages -H \"Authorization: Bearer " + demo.apiKey() + "\" \\",
            "      -H 'Content-Type: application/json' \\",
            "      -d '{\"from\":\"" + demo.sender() + "\",\"to\":\"+14155550123\","
                + "\"content\":{\"type\":\"text\",\"text\":\"Hello\"}}'",
            "",
            " Ctrl-C stops everything.",
            "==========================================================================================");
    }

    private static String relative(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
