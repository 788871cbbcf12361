package io.wascheduler.projector.topology;

import io.wascheduler.model.event.CampaignProgress;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventSerde;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.projector.ProjectorProperties;
import io.wascheduler.projector.campaign.CampaignCounters;
import io.wascheduler.projector.campaign.CampaignStores;
import io.wascheduler.projector.message.MessageStores;
import io.wascheduler.projector.message.MessageView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.springframework.util.FileSystemUtils;

/** The production topology in a TopologyTestDriver, fed and read through the real topics and serdes. */
public final class ProjectionDriver implements AutoCloseable {

    private final ProjectorProperties properties = ProjectorProperties.defaults();
    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, EventEnvelope>> inputs;
    private final TestOutputTopic<String, EventEnvelope> progress;
    private final Path stateDir;

    /** The production topology exactly, RocksDB stores included. */
    public ProjectionDriver() {
        this(new ProjectionTopology(ProjectorProperties.defaults()));
    }

    /** The production topology with in-memory stores, for tests that push many histories through it. */
    static ProjectionDriver withInMemoryStores() {
        return new ProjectionDriver(new ProjectionTopology(ProjectorProperties.defaults(), Stores::inMemoryKeyValueStore));
    }

    private ProjectionDriver(ProjectionTopology topology) {
        StreamsBuilder builder = new StreamsBuilder();
        topology.buildInto(builder);
        try {
            stateDir = Files.createTempDirectory("projection-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(builder.build(), config(), Events.AT);
        inputs = Map.of(
            Topics.MESSAGE_COMMANDS.name(), input(Topics.MESSAGE_COMMANDS),
            Topics.MESSAGE_OUTCOMES.name(), input(Topics.MESSAGE_OUTCOMES),
            Topics.MESSAGE_STATUSES.name(), input(Topics.MESSAGE_STATUSES),
            Topics.CAMPAIGN_EVENTS.name(), input(Topics.CAMPAIGN_EVENTS));
        progress = driver.createOutputTopic(Topics.CAMPAIGN_PROGRESS.name(), new StringDeserializer(),
            new EventSerde().deserializer());
    }

    /** Publishes each event on the topic its producer uses, under its own key. */
    public ProjectionDriver pipe(EventEnvelope... events) {
        return pipe(List.of(events));
    }

    public ProjectionDriver pipe(List<EventEnvelope> events) {
        events.forEach(event -> inputs.get(Events.topicOf(event).name()).pipeInput(event.key(), event));
        return this;
    }

    /** Publishes bytes on the commands topic as any producer might, decodable or not. */
    public ProjectionDriver pipeCommandBytes(String messageId, byte[] bytes) {
        driver.createInputTopic(Topics.MESSAGE_COMMANDS.name(), new StringSerializer(), new ByteArraySerializer())
            .pipeInput(messageId, bytes);
        return this;
    }

    public MessageView message(String messageId) {
        return driver.<String, MessageView>getKeyValueStore(MessageStores.MESSAGES).get(messageId);
    }

    public CampaignCounters counters(String campaignId) {
        return driver.<String, CampaignCounters>getKeyValueStore(CampaignStores.COUNTERS).get(campaignId);
    }

    public CampaignProgress funnel(String campaignId) {
        return counters(campaignId).progress();
    }

    /** Lets the publish interval pass and returns what was published on the progress topic meanwhile. */
    public List<CampaignProgress> publishedAfterAnInterval() {
        driver.advanceWallClockTime(properties.progressPublishInterval());
        return progress.readValuesToList().stream().map(event -> event.payloadAs(CampaignProgress.class)).toList();
    }

    public void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    @Override
    public void close() {
        driver.close();
        try {
            FileSystemUtils.deleteRecursively(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestInputTopic<String, EventEnvelope> input(TopicSpec topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), new EventSerde().serializer());
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return config;
    }
}
