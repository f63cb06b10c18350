package io.learningloop.projection;

import io.learningloop.codec.kafka.EventDecoder;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.codec.kafka.KafkaCredentials;
import io.learningloop.codec.kafka.UndecodableEventException;
import io.learningloop.readmodel.ParkReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the event topic on its own thread and feeds every batch to the projections. Offsets are
 * committed only after every projection's writes were accepted or parked; when Elasticsearch fails,
 * the batch is rewound and retried after a growing pause, so nothing is lost and nothing is skipped.
 * A record a projection can never write (undecodable, refused by the projection or by Elasticsearch
 * for good) is parked in the {@link DeadLetters} instead, so that it does not stop the records after it.
 */
public final class ProjectionRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /** Where to read from, as whom. {@code groupId} names the consumer group, one per service. */
    public record Settings(
            String bootstrapServers, KafkaCredentials credentials, String topic, String groupId, int maxPollRecords) {}

    private final Settings settings;
    private final List<DocumentProjection<?>> projections;
    private final DocumentWriter writer;
    private final DeadLetters deadLetters;
    private final EventDecoder decoder = new EventDecoder();
    private final MeterRegistry meters;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<ProjectionStatus> status = new AtomicReference<>(ProjectionStatus.starting());
    private final Timer batchTimer;
    private final Counter undecodable;
    private final Counter failedBatches;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean replayRequested;
    private volatile CompletableFuture<Map<TopicPartition, Long>> pauseRequest;
    private volatile boolean resumeRequested;
    private Thread thread;

    public ProjectionRunner(
            Settings settings,
            List<DocumentProjection<?>> projections,
            DocumentWriter writer,
            DeadLetters deadLetters,
            MeterRegistry meters) {
        this.settings = settings;
        this.projections = List.copyOf(projections);
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.batchTimer = Timer.builder("learningloop.projection.batch")
                .description("Time to apply one polled batch to every projection and commit it")
                .tag("group", settings.groupId())
                .register(meters);
        this.undecodable = Counter.builder("learningloop.projection.undecodable")
                .description("Records on the topic that are not events of the contract (parked)")
                .tag("group", settings.groupId())
                .register(meters);
        this.failedBatches = Counter.builder("learningloop.projection.failed.batches")
                .description("Batches that failed and were rewound for a retry")
                .tag("group", settings.groupId())
                .register(meters);
    }

    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        consumer = new KafkaConsumer<>(consumerProperties());
        ConsumerState.bindTo(consumer, meters);
        thread = new Thread(this::run, "projection-" + settings.groupId());
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads the topic again from the beginning; idempotent projections make this safe at any time. */
    public void requestReplay() {
        replayRequested = true;
    }

    /**
     * Stops consuming between two batches (the one in hand is committed first) and answers where the
     * runner stands: the next offset it would read per partition of the topic. A rebuild catches up to
     * exactly these before it moves the alias (decision 0012). Paused partitions are still polled, so the
     * consumer stays in its group. Blocks until the runner is paused or {@code timeout} passes.
     */
    public Map<TopicPartition, Long> pause(Duration timeout) throws Exception {
        CompletableFuture<Map<TopicPartition, Long>> request = new CompletableFuture<>();
        resumeRequested = false;
        pauseRequest = request;
        try {
            return request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            resume();
            throw e;
        }
    }

    /** Consumes again after {@link #pause}; harmless when not paused. */
    public void resume() {
        resumeRequested = true;
    }

    public ProjectionStatus status() {
        return status.get();
    }

    /** The consumer's own view (lag, partitions, coordinator contact); empty before {@link #start()}. */
    public Optional<ConsumerState> consumerState() {
        KafkaConsumer<String, byte[]> current = consumer;
        return Optional.ofNullable(current).map(ConsumerState::new);
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (!running.getAndSet(false)) {
            return;
        }
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        Progress progress = new Progress();
        deadLetters.refreshSummary(); // records parked before this start keep health DEGRADED
        try {
            consumer.subscribe(List.of(settings.topic()));
            while (running.get()) {
                if (replayRequested) {
                    replayFromStart(progress);
                }
                if (pauseRequest != null) {
                    holdWhilePaused();
                    continue;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    batchTimer.recordCallable(() -> {
                        process(records);
                        return null;
                    });
                    consumer.commitSync(nextOffsets(records));
                    status.set(status.get().committed(records.count(), Instant.now()));
                    progress.add(records.count());
                    backoff = Duration.ofSeconds(1);
                } catch (WakeupException e) {
                    throw e;
                } catch (Exception e) {
                    failedBatches.increment();
                    status.set(status.get().failed(e, Instant.now()));
                    log.warn(
                            "projection batch of {} records failed, retrying in {}: {}",
                            records.count(),
                            backoff,
                            e.toString());
                    rewind(records);
                    pauseFor(backoff);
                    backoff =
                            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            log.info("projection runner {} stopped", settings.groupId());
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) throws Exception {
        List<EventEnvelope> events = new ArrayList<>(records.count());
        List<Parked> parked = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            all.add(record);
            try {
                events.add(decoder.decode(record));
            } catch (UndecodableEventException e) {
                undecodable.increment();
                for (DocumentProjection<?> projection : projections) {
                    parked.add(new Parked(
                            projection.name(),
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            ParkReason.UNDECODABLE,
                            ParkReasons.undecodable(e)));
                }
            }
        }
        for (DocumentProjection<?> projection : projections) {
            DocumentWriter.Outcome outcome = writer.write(projection, events);
            parked.addAll(outcome.parked());
            meters.counter("learningloop.projection.events", "projection", projection.name())
                    .increment(events.size());
            meters.counter("learningloop.projection.documents.written", "projection", projection.name())
                    .increment(outcome.documentsWritten());
            meters.counter("learningloop.projection.conflicts", "projection", projection.name())
                    .increment(outcome.conflictsRetried());
        }
        for (Parked entry : deadLetters.park(parked, all)) {
            meters.counter(
                            "learningloop.projection.parked",
                            "projection",
                            entry.projection(),
                            "reason",
                            entry.kind().wireName())
                    .increment();
            ParkReasons.log(entry, "parked");
        }
    }

    /** Answers the pause request with the positions, then polls paused partitions until resumed. */
    private void holdWhilePaused() {
        CompletableFuture<Map<TopicPartition, Long>> request = pauseRequest;
        Map<TopicPartition, Long> positions = new HashMap<>();
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        for (var info : consumer.partitionsFor(settings.topic())) {
            TopicPartition partition = new TopicPartition(info.topic(), info.partition());
            positions.put(partition, assigned.contains(partition) ? consumer.position(partition) : -1L);
        }
        // A partition not (yet) assigned here is read from its committed offset when it is.
        Set<TopicPartition> unassigned = new HashSet<>(positions.keySet());
        unassigned.removeAll(assigned);
        if (!unassigned.isEmpty()) {
            consumer.committed(unassigned)
                    .forEach((partition, committed) ->
                            positions.put(partition, committed == null ? 0L : committed.offset()));
        }
        log.info("projection runner {} paused at {}", settings.groupId(), positions);
        request.complete(positions);
        while (running.get() && !resumeRequested) {
            consumer.pause(consumer.assignment()); // also partitions a rebalance assigned meanwhile
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.resume(consumer.paused());
        pauseRequest = null;
        log.info("projection runner {} resumed", settings.groupId());
    }

    private void replayFromStart(Progress progress) {
        replayRequested = false;
        if (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ZERO); // joins the group so that there is an assignment to rewind
        }
        consumer.seekToBeginning(consumer.assignment());
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        progress.startReplay(total);
        log.info("replay of {} requested: {} records to read again", settings.topic(), total);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(
                    partition,
                    new OffsetAndMetadata(
                            inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /** Waits without leaving the group: paused partitions keep polling (and so heartbeating) empty. */
    private void pauseFor(Duration backoff) {
        var assignment = consumer.assignment();
        consumer.pause(assignment);
        Instant until = Instant.now().plus(backoff);
        while (running.get() && Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200));
        }
        consumer.resume(assignment);
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.putAll(settings.credentials().clientProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A restarted service waits for its crashed predecessor's session to expire before it gets
        // the partitions back (it lagged, reporting UP, for 20 s and more): keep that wait short.
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    /** Logs how far a replay has come, at most every few seconds, so long work shows progress. */
    private final class Progress {
        private long replayTotal;
        private long replayDone;
        private Instant lastLog = Instant.EPOCH;

        void startReplay(long total) {
            replayTotal = total;
            replayDone = 0;
        }

        void add(int count) {
            if (replayTotal == 0) {
                return;
            }
            replayDone += count;
            boolean finished = replayDone >= replayTotal;
            if (finished || Duration.between(lastLog, Instant.now()).compareTo(PROGRESS_EVERY) > 0) {
                lastLog = Instant.now();
                log.info(
                        "replay of {}: {} of {} records ({}%)",
                        settings.topic(),
                        Math.min(replayDone, replayTotal),
                        replayTotal,
                        Math.min(100, replayDone * 100 / replayTotal));
            }
            if (finished) {
                replayTotal = 0;
            }
        }
    }
}
